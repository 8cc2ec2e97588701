import { z } from 'zod';
import { bilingual } from './validation';

/**
 * Dossier types (档案类型): templates that say what a dossier of the kind holds – its fields, how
 * it is numbered, its default level and retention, its document groups and its checklist. Types
 * are data (the shipped ones live in resources/dossier-types) and versioned: a change writes a new
 * version, and every dossier keeps the version it was made with.
 */
export const subjectKinds = ['customer-person', 'customer-org', 'vehicle', 'property', 'incident', 'partner'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const fieldKinds = ['text', 'number', 'date', 'choice', 'multi-choice'] as const;
export type FieldKind = (typeof fieldKinds)[number];

/** How a field's values are found by the search box. */
export const searchRoles = ['name', 'phone', 'id-number', 'plate', 'vin', 'address', 'text'] as const;
export type SearchRole = (typeof searchRoles)[number];

const keySchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, bilingual('键名须以小写字母开头，只含字母和数字', 'Keys start with a lower-case letter and hold letters and digits only'));

export const fieldDefinitionSchema = z
  .strictObject({
    key: keySchema.max(40),
    label: z.string().trim().min(1).max(32),
    labelEn: z.string().trim().max(48).optional(),
    kind: z.enum(fieldKinds),
    required: z.boolean(),
    /** Sensitive personal information (PIPL): masked unless revealed on purpose; each reveal is recorded. */
    sensitive: z.boolean(),
    choices: z.array(z.string().trim().min(1).max(32)).max(50).optional(),
    search: z.enum(searchRoles).optional(),
    /** No two dossiers of the type share a value (a VIN names one vehicle); VIN fields are unique unless this says false. */
    unique: z.boolean().optional(),
    note: z.string().max(200).optional(),
  })
  .superRefine((field, ctx) => {
    const choosing = field.kind === 'choice' || field.kind === 'multi-choice';
    if (choosing && !field.choices?.length) ctx.addIssue({ code: 'custom', ...bilingual(`字段“${field.label}”需要可选值`, `Field "${field.label}" needs choices`) });
    if (!choosing && field.choices) ctx.addIssue({ code: 'custom', ...bilingual(`字段“${field.label}”不是选择类型`, `Field "${field.label}" is not a choice`) });
  });
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

/** Whether no two dossiers of a type may share the field's value. */
export function isUniqueField(field: Pick<FieldDefinition, 'unique' | 'search'>): boolean {
  return field.unique ?? field.search === 'vin';
}

/**
 * Which fields describe the customer (客户) a dossier is filed under: an import creates or finds
 * that customer for each row. Field keys of the type.
 */
export const customerFieldsSchema = z.strictObject({
  name: z.string().max(40),
  phone: z.string().max(40).optional(),
  idCode: z.string().max(40).optional(),
  address: z.string().max(40).optional(),
});
export type CustomerFields = z.infer<typeof customerFieldsSchema>;

export const groupSchema = z.strictObject({
  key: keySchema.max(24),
  name: z.string().trim().min(1).max(40),
  /** 装订成册 (bound) or 活页 (loose-leaf, numbered by occurrence), DS-09. */
  binding: z.enum(['bound', 'loose-leaf']),
  note: z.string().max(200).optional(),
});
export type DocumentGroup = z.infer<typeof groupSchema>;

export const checklistEvidence = ['paper', 'scan', 'both'] as const;

export const checklistItemSchema = z.strictObject({
  key: keySchema.max(40),
  name: z.string().trim().min(1).max(80),
  nameEn: z.string().trim().max(120).optional(),
  group: keySchema.max(24).optional(),
  requirement: z.enum(['required', 'conditional', 'optional']),
  /** What the archive expects to receive: the original, a copy, or either. */
  expected: z.enum(['original', 'copy', 'either']),
  /**
   * What fulfils the item: the paper document registered (the default), a scan of it, or both –
   * an original on paper, scanned. Completeness follows it.
   */
  evidence: z.enum(checklistEvidence).optional(),
  note: z.string().max(200).optional(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** 纸质原件 / 须有扫描件 / 纸质原件与扫描件. */
export type ChecklistEvidence = (typeof checklistEvidence)[number];

export function evidenceOf(item: Pick<ChecklistItem, 'evidence'>): ChecklistEvidence {
  return item.evidence ?? 'paper';
}

export const retentionSchema = z.union([z.strictObject({ kind: z.literal('permanent') }), z.strictObject({ kind: z.literal('years'), years: z.number().int().min(1).max(100) })]);
export type Retention = z.infer<typeof retentionSchema>;

/**
 * Where a dossier's retention period starts: the day it was opened (建档日期), a date field of the
 * type (e.g. the contract's end), or its last activity (the last change to the dossier).
 */
export const retentionFromSchema = z.union([
  z.strictObject({ kind: z.literal('opened') }),
  z.strictObject({ kind: z.literal('field'), field: z.string().min(1).max(32) }),
  z.strictObject({ kind: z.literal('last-activity') }),
]);
export type RetentionFrom = z.infer<typeof retentionFromSchema>;

/** A type without `retentionFrom` counts from the day a dossier was opened. */
export function retentionFromOf(definition: Pick<TypeDefinition, 'retentionFrom'>): RetentionFrom {
  return definition.retentionFrom ?? { kind: 'opened' };
}

export const typeDefinitionSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, bilingual('类型标识只能用小写字母、数字和连字符', 'Type ids use lower-case letters, digits and hyphens')),
    /** Short code for the {type} token (XC, SH, FC …). */
    code: z.string().regex(/^[A-Z0-9]{1,8}$/, bilingual('类型代码为 1–8 位大写字母或数字', 'Type codes are 1–8 capitals or digits')),
    name: z.string().trim().min(1).max(32),
    nameEn: z.string().trim().max(48).optional(),
    subjectKind: z.enum(subjectKinds),
    fields: z.array(fieldDefinitionSchema).max(60),
    /** e.g. `XC-{yyyy}-{seq:6}` or `{garden}-{building}-{unit}-{room}`. */
    numbering: z.string().trim().min(1).max(80),
    /** Title of a new dossier when none is typed, e.g. `{customerName} {plate} 新车档案`. */
    titleTemplate: z.string().trim().max(120).optional(),
    defaultLevel: z.number().int().min(0).max(8),
    retention: retentionSchema,
    retentionFrom: retentionFromSchema.optional(),
    classification: z.strictObject({ name: z.string().trim().min(1).max(16), values: z.array(z.string().trim().min(1).max(16)).min(2).max(12) }).nullable(),
    /** The customer fields (see customerFieldsOf); null: dossiers of this type have no customer (partners). */
    customer: customerFieldsSchema.nullable().optional(),
    groups: z.array(groupSchema).max(12),
    checklist: z.array(checklistItemSchema).max(80),
  })
  .superRefine((type, ctx) => {
    const duplicate = (keys: string[]) => keys.find((key, i) => keys.indexOf(key) !== i);
    const field = duplicate(type.fields.map((f) => f.key));
    if (field) ctx.addIssue({ code: 'custom', path: ['fields'], ...bilingual(`字段键名重复：${field}`, `Duplicate field key: ${field}`) });
    const item = duplicate(type.checklist.map((c) => c.key));
    if (item) ctx.addIssue({ code: 'custom', path: ['checklist'], ...bilingual(`清单项键名重复：${item}`, `Duplicate checklist key: ${item}`) });
    const groups = new Set(type.groups.map((g) => g.key));
    for (const checklistItem of type.checklist) {
      if (checklistItem.group && !groups.has(checklistItem.group)) {
        ctx.addIssue({ code: 'custom', path: ['checklist'], ...bilingual(`清单项“${checklistItem.name}”的分组不存在`, `Checklist item "${checklistItem.name}" names an unknown group`) });
      }
    }
    if (type.customer) {
      for (const [role, key] of Object.entries(type.customer)) {
        if (!type.fields.some((f) => f.key === key)) ctx.addIssue({ code: 'custom', path: ['customer', role], ...bilingual(`客户字段“${key}”不是此类型的字段`, `Customer field "${key}" is not a field of this type`) });
      }
    }
    const from = type.retentionFrom;
    if (from?.kind === 'field' && type.fields.find((f) => f.key === from.field)?.kind !== 'date') {
      ctx.addIssue({ code: 'custom', path: ['retentionFrom', 'field'], ...bilingual(`保管期限起算字段“${from.field}”不是此类型的日期字段`, `The retention start "${from.field}" is not a date field of this type`) });
    }
    const problem = numberingProblem(type.numbering, type.fields);
    if (problem) ctx.addIssue({ code: 'custom', path: ['numbering'], ...bilingual(problem.zh, problem.en) });
  });
export type TypeDefinition = z.infer<typeof typeDefinitionSchema>;

/** The conventional customer fields of the shipped types, for definitions saved before `customer` existed. */
const CONVENTIONAL_CUSTOMER: CustomerFields = { name: 'customerName', phone: 'phone', idCode: 'idNumber', address: 'address' };

/**
 * The fields that describe a dossier's customer: the type's own `customer`, else – for types saved
 * before it existed – the conventional keys the type has (partners excepted: they are no customers).
 */
export function customerFieldsOf(definition: Pick<TypeDefinition, 'customer' | 'fields' | 'subjectKind'>): CustomerFields | null {
  if (definition.customer !== undefined) return definition.customer;
  if (definition.subjectKind === 'partner') return null;
  const has = (key: string | undefined) => key !== undefined && definition.fields.some((f) => f.key === key);
  if (!has(CONVENTIONAL_CUSTOMER.name)) return null;
  return Object.fromEntries(Object.entries(CONVENTIONAL_CUSTOMER).filter(([, key]) => has(key))) as CustomerFields;
}

export function retentionLabel(retention: Retention, language: 'zh' | 'en' = 'zh'): string {
  if (retention.kind === 'permanent') return language === 'zh' ? '永久' : 'permanent';
  return language === 'zh' ? `${retention.years}年` : `${retention.years} years`;
}

// ---- Numbering rules -------------------------------------------------------------------------

/** Dossiers without a type: a running number per year (DS-32's example, KH-2026-000123). */
export const PLAIN_NUMBERING = 'KH-{yyyy}-{seq:6}';

const TOKEN = /\{([^{}]+)\}/g;
const DATE_TOKENS = new Set(['type', 'yyyy', 'yy', 'mm', 'dept']);

function findField(fields: readonly FieldDefinition[], name: string): FieldDefinition | undefined {
  return fields.find((f) => f.key === name || f.label === name);
}

/** Why a numbering pattern cannot work, or null. */
export function numberingProblem(pattern: string, fields: readonly FieldDefinition[]): { zh: string; en: string } | null {
  let sequences = 0;
  let fieldTokens = 0;
  for (const [, token = ''] of pattern.matchAll(TOKEN)) {
    const seq = /^seq:(\d{1,2})$/.exec(token);
    if (seq) {
      sequences += 1;
      const width = Number(seq[1]);
      if (width < 1 || width > 12) return { zh: '流水号位数应为 1–12', en: 'A running number has 1–12 digits' };
    } else if (!DATE_TOKENS.has(token)) {
      const field = findField(fields, token);
      if (!field) return { zh: `档号规则中的“{${token}}”不是已知的标记或字段`, en: `"{${token}}" in the numbering rule is neither a known token nor a field` };
      if (!field.required) return { zh: `档号规则用到的字段“${field.label}”必须是必填项`, en: `Field "${field.label}" is used in the numbering rule, so it must be required` };
      fieldTokens += 1;
    }
  }
  if (sequences > 1) return { zh: '档号规则只能有一个流水号', en: 'A numbering rule has at most one running number' };
  if (sequences === 0 && fieldTokens === 0) return { zh: '档号规则需要流水号 {seq:N} 或字段标记', en: 'A numbering rule needs a running number {seq:N} or field tokens' };
  if (pattern.replace(TOKEN, '').match(/[\s/\\]/)) return { zh: '档号规则中不能有空格或斜杠', en: 'A numbering rule cannot contain spaces or slashes' };
  return null;
}

/** Keys of the fields a numbering rule is built from. */
export function numberingFields(pattern: string, fields: readonly FieldDefinition[]): string[] {
  return [...pattern.matchAll(TOKEN)].map(([, token = '']) => findField(fields, token)?.key).filter((key): key is string => key !== undefined);
}

export interface NumberingContext {
  typeCode: string;
  date: Date;
  departmentCode: string;
  fields: Readonly<Record<string, unknown>>;
  definitionFields: readonly FieldDefinition[];
}

/**
 * The number with every token but the running number filled in. It is also the scope of the
 * running number: the sequence starts again whenever the rest of the number changes – a new year
 * with {yyyy}, a new month with {mm}, another department with {dept}.
 */
export function numberTemplate(pattern: string, context: NumberingContext): { text: string; hasSequence: boolean } {
  let hasSequence = false;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = pattern.replace(TOKEN, (_all, token: string) => {
    if (/^seq:\d+$/.test(token)) {
      hasSequence = true;
      return `{${token}}`;
    }
    switch (token) {
      case 'type':
        return context.typeCode;
      case 'yyyy':
        return String(context.date.getFullYear());
      case 'yy':
        return pad(context.date.getFullYear() % 100);
      case 'mm':
        return pad(context.date.getMonth() + 1);
      case 'dept':
        return context.departmentCode;
      default: {
        const field = findField(context.definitionFields, token);
        const value = field ? context.fields[field.key] : undefined;
        return typeof value === 'string' || typeof value === 'number' ? String(value).trim().replace(/[\s/\\]+/g, '') : '';
      }
    }
  });
  return { text, hasSequence };
}

export function withSequence(template: string, sequence: number): string {
  return template.replace(/\{seq:(\d+)\}/, (_all, width: string) => String(sequence).padStart(Number(width), '0'));
}

/** Title from the type's template, or null when a required part is missing. */
export function titleFromTemplate(template: string | undefined, fields: readonly FieldDefinition[], values: Readonly<Record<string, unknown>>): string | null {
  if (!template) return null;
  const text = template
    .replace(TOKEN, (_all, token: string) => {
      const field = findField(fields, token);
      const value = field ? values[field.key] : undefined;
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    })
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}
