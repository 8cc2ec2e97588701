import { isUniqueField, titleFromTemplate, type FieldDefinition, type TypeDefinition } from '../../../../shared/dossier-types';
import { DOSSIER_LIMITS } from '../../../../shared/dossier-limits';
import { AppError, type ErrorIssue, type Message } from '../../../../shared/errors';
import { levelAt, type ConfidentialityLevel } from '../../../../shared/levels';
import { plainTextIssue } from '../../../../shared/plain-text';
import { checkFieldValues, type FieldValues } from './field-values';

/**
 * The rules of a dossier's description, in one place for every way a dossier is written – typed
 * in (create), corrected (update) and imported: plain text, each field by its kind and role,
 * required fields, the classification scheme, the title (from the type's template when none is
 * given) and unique fields. No database here: the import checks its rows on another thread, so
 * whoever calls says where a unique value is already held (see UniqueValueLookup).
 */

const { title: TITLE_MAX, remarks: REMARKS_MAX, fieldText: FIELD_TEXT_MAX, choiceText: CHOICE_TEXT_MAX, choices: CHOICES_MAX } = DOSSIER_LIMITS;

export interface UniqueValueLookup {
  /** Where this value of a unique field is already held (another dossier, an earlier row), or null. */
  holder(field: FieldDefinition, value: string): Message | null;
}

export interface DescriptionInput {
  /** The fields being set; with `existing`, only the changed ones. */
  fields: Readonly<FieldValues>;
  /** A title typed by hand; undefined: from the type's template. */
  title?: string | undefined;
  classification?: string | null | undefined;
  remarks?: string | null | undefined;
}

export interface CheckedDescription {
  /** All field values once the input is applied (those with a problem left as they were). */
  fields: FieldValues;
  /** The title given, or the template's; null when neither gives one. */
  title: string | null;
  issues: ErrorIssue[];
}

const issue = (path: string, zh: string, en: string): ErrorIssue => ({ path, message: zh, messageEn: en });

/**
 * What is typed is plain text (see plain-text.ts): no control characters anywhere, and one line
 * but in the remarks. Only the values given are checked: what a dossier already holds stays.
 */
function plainTextIssues(definition: TypeDefinition | null, input: DescriptionInput): ErrorIssue[] {
  const found: (ErrorIssue | null)[] = [];
  for (const [key, value] of Object.entries(input.fields)) {
    const field = definition?.fields.find((f) => f.key === key);
    const name = { zh: field?.label ?? key, en: field?.labelEn ?? field?.label ?? key };
    for (const text of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) found.push(plainTextIssue(`fields.${key}`, name, text, 'one-line'));
  }
  if (input.title !== undefined) found.push(plainTextIssue('title', { zh: '案卷题名', en: 'The title' }, input.title, 'one-line'));
  if (input.classification) found.push(plainTextIssue('classification', { zh: '客户分类', en: 'The classification' }, input.classification, 'one-line'));
  if (input.remarks) found.push(plainTextIssue('remarks', { zh: '备注', en: 'The remarks' }, input.remarks, 'multi-line'));
  return found.filter((issue) => issue !== null);
}

/** The classification must come from the type's scheme (客户分类). */
function classificationIssue(definition: TypeDefinition | null, value: string | null | undefined): ErrorIssue | null {
  if (value === undefined || value === null) return null;
  const scheme = definition?.classification;
  if (!scheme) return issue('classification', '此类档案没有分类方案', 'Dossiers of this type have no classification scheme');
  if (scheme.values.includes(value)) return null;
  return issue('classification', `${scheme.name}应为 ${scheme.values.join('、')} 之一`, `${scheme.name} must be one of ${scheme.values.join(', ')}`);
}

/**
 * Checks a description against the type. `existing` holds what the dossier already has (an
 * update): required fields are then judged on the result, and a unique value the dossier keeps
 * unchanged is not checked again.
 */
export function checkDescription(definition: TypeDefinition | null, input: DescriptionInput, options: { existing?: Readonly<FieldValues>; unique: UniqueValueLookup }): CheckedDescription {
  const issues: ErrorIssue[] = plainTextIssues(definition, input);
  let fields: FieldValues = {};
  if (definition) {
    const checked = checkFieldValues(definition, input.fields, options.existing ?? {});
    fields = checked.values;
    issues.push(...checked.issues);
    for (const field of definition.fields) {
      const value = fields[field.key];
      const tooLong = typeof value === 'string' ? value.length > FIELD_TEXT_MAX : Array.isArray(value) && (value.length > CHOICES_MAX || value.some((v) => v.length > CHOICE_TEXT_MAX));
      if (tooLong) issues.push(issue(`fields.${field.key}`, `${field.label}超过 ${FIELD_TEXT_MAX} 字`, `${field.labelEn ?? field.label} is longer than ${FIELD_TEXT_MAX} characters`));
      if (!isUniqueField(field) || typeof value !== 'string' || value === options.existing?.[field.key]) continue;
      const holder = options.unique.holder(field, value);
      if (holder) issues.push(issue(`fields.${field.key}`, `${field.label} ${value} 已用于${holder.zh}`, `${field.labelEn ?? field.label} ${value} is already used by ${holder.en}`));
    }
  } else if (Object.keys(input.fields).length > 0) {
    issues.push(issue('fields', '没有档案类型的档案没有字段', 'A dossier without a type has no fields'));
  }
  const classification = classificationIssue(definition, input.classification);
  if (classification) issues.push(classification);
  const title = input.title ?? (definition ? titleFromTemplate(definition.titleTemplate, definition.fields, fields) : null);
  if (title === null && !issues.some((i) => i.path.startsWith('fields.'))) issues.push(issue('title', '请填写案卷题名', 'The dossier needs a title'));
  if (title !== null && [...title].length > TITLE_MAX) issues.push(issue('title', `案卷题名超过 ${TITLE_MAX} 字`, `The title is longer than ${TITLE_MAX} characters`));
  if (input.remarks && [...input.remarks].length > REMARKS_MAX) issues.push(issue('remarks', `备注超过 ${REMARKS_MAX} 字`, `The remarks are longer than ${REMARKS_MAX} characters`));
  return { fields, title, issues };
}

/** A check with problems refuses the write with VALIDATION, every problem listed by its field. */
export function refuseIssues(issues: readonly ErrorIssue[]): void {
  if (issues.length === 0) return;
  throw new AppError(
    'VALIDATION',
    { zh: `填写有误：${issues.map((i) => i.message).join('；')}`, en: `Invalid input: ${issues.map((i) => i.messageEn).join('; ')}` },
    { issues: [...issues] },
  );
}

/**
 * A dossier's own type version with the uniqueness its type has now: a field the type made unique
 * later binds the dossiers of older versions too (their values were recorded when it was made so),
 * while the fields, formats and required ones stay those the dossier was made with.
 */
export function withCurrentUniqueness(own: TypeDefinition | null, current: TypeDefinition | null): TypeDefinition | null {
  if (!own || !current) return own;
  return { ...own, fields: own.fields.map((field) => (isUniqueField(field) || !current.fields.some((f) => f.key === field.key && isUniqueField(f)) ? field : { ...field, unique: true })) };
}

/** The unique fields' values a dossier holds, to be recorded with it. */
export function uniqueValuesOf(definition: TypeDefinition | null, fields: Readonly<FieldValues>): { fieldKey: string; value: string }[] {
  if (!definition) return [];
  return definition.fields.filter(isUniqueField).flatMap((field) => {
    const value = fields[field.key];
    return typeof value === 'string' && value !== '' ? [{ fieldKey: field.key, value }] : [];
  });
}

/** What a new dossier starts with, however it is made (typed in or imported), unless told otherwise. */
export interface NewDossierDefaults {
  /** The type's level – or the archive's for new dossiers – never above the creator's clearance. */
  level: number;
  /** The type's retention (JSON), null without a type. */
  retention: string | null;
  /** The required checklist items, all still missing (JSON), and whether that leaves it complete. */
  missingItems: string;
  complete: boolean;
  /** Opened today (the creator's local day). */
  openedOn: string;
}

export function newDossierDefaults(definition: TypeDefinition | null, context: { defaultLevel: number; clearance: number; today: string }): NewDossierDefaults {
  const required = definition?.checklist.filter((item) => item.requirement === 'required').map((item) => item.key) ?? [];
  return {
    level: Math.min(definition?.defaultLevel ?? context.defaultLevel, context.clearance),
    retention: definition ? JSON.stringify(definition.retention) : null,
    missingItems: JSON.stringify(required),
    complete: required.length === 0,
    openedOn: context.today,
  };
}

/**
 * Custody at a level (CF-01): a marked level is stored separately and held by a named custodian –
 * the one chosen, else whoever files it.
 */
export function custodyAt(levels: readonly ConfidentialityLevel[], level: number, custodianId: number | null, creatorId: number): { storedSeparately: boolean; custodianId: number | null } {
  const marked = levelAt(levels, level).marked;
  return { storedSeparately: marked, custodianId: custodianId ?? (marked ? creatorId : null) };
}
