import type { DossierTypeView } from '../../../../shared/contract';
import { customerFieldsOf, evidenceOf, isUniqueField, retentionFromOf, type CustomerFields, type RetentionFrom, type TypeDefinition } from '../../../../shared/dossier-types';

/**
 * A type as the editor's form holds it: the definition with its retention and classification
 * spread into plain fields (antd forms bind one value per field).
 */
export type TypeForm = Omit<TypeDefinition, 'retention' | 'retentionFrom' | 'classification' | 'customer'> & {
  /** The customer fields; an empty name means dossiers of the type have no customer. */
  customer: Partial<CustomerFields>;
  retentionKind: 'permanent' | 'years';
  retentionYears?: number | undefined;
  /** Where the retention period starts: 'opened', 'last-activity' or 'field:<key>' (a date field). */
  retentionFrom: string;
  classificationName?: string | undefined;
  classificationValues?: string[] | undefined;
};

/** A retention trigger as one select value: 'opened', 'last-activity' or 'field:<key>'. */
export function retentionFromChoice(from: RetentionFrom): string {
  return from.kind === 'field' ? `field:${from.field}` : from.kind;
}

export function retentionFromOfChoice(choice: string): RetentionFrom {
  if (choice.startsWith('field:')) return { kind: 'field', field: choice.slice('field:'.length) };
  return choice === 'last-activity' ? { kind: 'last-activity' } : { kind: 'opened' };
}

const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

export function toForm(type: DossierTypeView | TypeDefinition): TypeForm {
  const { retention, classification, ...rest } = type;
  const definition: Omit<TypeDefinition, 'retention' | 'retentionFrom' | 'classification' | 'customer'> = {
    key: rest.key,
    code: rest.code,
    name: rest.name,
    ...(rest.nameEn ? { nameEn: rest.nameEn } : {}),
    subjectKind: rest.subjectKind,
    // Unique shown as it applies (a VIN is unique unless the type says otherwise).
    fields: rest.fields.map((field) => ({ ...field, unique: isUniqueField(field) })),
    numbering: rest.numbering,
    ...(rest.titleTemplate ? { titleTemplate: rest.titleTemplate } : {}),
    defaultLevel: rest.defaultLevel,
    groups: rest.groups,
    // Evidence shown as it applies (paper unless the item says otherwise).
    checklist: rest.checklist.map((item) => ({ ...item, evidence: evidenceOf(item) })),
  };
  return {
    ...definition,
    customer: customerFieldsOf(type) ?? {},
    retentionKind: retention.kind,
    retentionYears: retention.kind === 'years' ? retention.years : undefined,
    retentionFrom: retentionFromChoice(retentionFromOf(type)),
    classificationName: classification?.name,
    classificationValues: classification?.values,
  };
}

/** The form back as a definition for `type:save` (which checks it in full). */
export function fromForm(form: TypeForm): TypeDefinition {
  const { retentionKind, retentionYears, retentionFrom, classificationName, classificationValues, customer, ...rest } = form;
  return {
    ...rest,
    customer: customer.name ? (Object.fromEntries(Object.entries(customer).filter(([, key]) => key)) as CustomerFields) : null,
    nameEn: optional(rest.nameEn),
    titleTemplate: optional(rest.titleTemplate),
    fields: (rest.fields ?? []).map((field) => ({
      ...field,
      required: field.required === true,
      sensitive: field.sensitive === true,
      labelEn: optional(field.labelEn),
      note: optional(field.note),
      choices: field.kind === 'choice' || field.kind === 'multi-choice' ? (field.choices ?? []) : undefined,
      search: field.search ?? undefined,
      // Stored only where it says something: unique, or a VIN that is not.
      unique: field.unique === true ? true : field.search === 'vin' ? false : undefined,
    })),
    groups: (rest.groups ?? []).map((group) => ({ ...group, note: optional(group.note) })),
    checklist: (rest.checklist ?? []).map((item) => ({ ...item, nameEn: optional(item.nameEn), note: optional(item.note), group: item.group ?? undefined, evidence: item.evidence === 'paper' ? undefined : item.evidence })),
    retention: retentionKind === 'permanent' ? { kind: 'permanent' } : { kind: 'years', years: retentionYears ?? 10 },
    ...(retentionFrom === 'opened' ? {} : { retentionFrom: retentionFromOfChoice(retentionFrom) }),
    classification: classificationName?.trim() && classificationValues?.length ? { name: classificationName.trim(), values: classificationValues } : null,
  };
}

/** A new type's starting point: one required name field and a yearly running number. */
export function blankType(): TypeForm {
  return {
    key: '',
    code: '',
    name: '',
    subjectKind: 'customer-person',
    fields: [{ key: 'customerName', label: '客户名称', kind: 'text', required: true, sensitive: false, search: 'name' }],
    numbering: '{type}-{yyyy}-{seq:6}',
    titleTemplate: '{customerName}',
    defaultLevel: 1,
    groups: [],
    checklist: [],
    customer: { name: 'customerName' },
    retentionKind: 'years',
    retentionYears: 30,
    retentionFrom: 'opened',
  };
}
