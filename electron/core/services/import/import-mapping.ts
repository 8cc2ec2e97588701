import headerAliases from '../../../../resources/header-aliases.json';
import { dossierColumnLabels, dossierColumns, type DossierColumn, type ImportTarget } from '../../../../shared/contract';
import type { FieldDefinition, TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';

/** Everyday headers of clerks' sheets (resources/header-aliases.json). */
const aliases = headerAliases as { fields: Record<string, string[] | undefined>; columns: Record<DossierColumn, string[]> };

const clean = (header: string) => header.replace(/\s+/g, '').replace(/[*＊]?[（(]必填[)）]$|^[*＊]|[*＊]$/g, '').toLowerCase();

/** What a field answers to as a header: its key, its labels and the everyday headers for it. */
const namesOfField = (field: FieldDefinition) => [field.key, field.label, field.labelEn ?? '', ...(aliases.fields[field.key] ?? [])].filter(Boolean).map(clean);

function automatic(header: string, definition: TypeDefinition): ImportTarget {
  const name = clean(header);
  // A field's own key and labels win over an everyday header another field also answers to.
  const own = definition.fields.find((f) => [f.key, f.label, f.labelEn ?? ''].filter(Boolean).map(clean).includes(name));
  if (own) return { kind: 'field', key: own.key };
  if (definition.classification && clean(definition.classification.name) === name) return { kind: 'dossier', column: 'classification' };
  const field = definition.fields.find((f) => namesOfField(f).includes(name));
  if (field) return { kind: 'field', key: field.key };
  const column = dossierColumns.find((c) => [c, dossierColumnLabels[c].zh, ...aliases.columns[c]].map(clean).includes(name));
  return column ? { kind: 'dossier', column } : { kind: 'ignore' };
}

const targetKey = (target: ImportTarget) => (target.kind === 'field' ? `field:${target.key}` : target.kind === 'dossier' ? `dossier:${target.column}` : null);

/**
 * A header equal to a field's key or label, an everyday header (姓名, 手机, 车架号 …) or a dossier
 * column's usual name maps by itself. When two headers would map to the same place (手机 and 电话),
 * the first one does and the other is left out – the clerk can change that.
 */
export function suggestMapping(headers: readonly string[], definition: TypeDefinition): Record<string, ImportTarget> {
  const taken = new Set<string>();
  return Object.fromEntries(
    headers.map((header) => {
      const target = automatic(header, definition);
      const key = targetKey(target);
      if (key === null || taken.has(key)) return [header, { kind: 'ignore' }];
      taken.add(key);
      return [header, target];
    }),
  );
}

export interface ColumnPlan {
  index: number;
  header: string;
  target: ImportTarget;
}

export function targetLabel(target: ImportTarget, definition: TypeDefinition): string {
  if (target.kind === 'field') return definition.fields.find((f) => f.key === target.key)?.label ?? target.key;
  if (target.kind === 'dossier') return dossierColumnLabels[target.column].zh;
  return '—';
}

/**
 * The columns as they will be read: the explicit mapping, and for the other headers the suggested
 * one. A mapping that names a header the file does not have, a field the type does not have, or
 * two columns for the same target is refused before anything is read; so is a required field
 * that no column fills – once, naming the fields, instead of a problem in every row.
 */
export function resolveMapping(headers: readonly string[], mapping: Readonly<Record<string, ImportTarget>>, definition: TypeDefinition): ColumnPlan[] {
  const unknownHeader = Object.keys(mapping).find((header) => !headers.includes(header));
  if (unknownHeader !== undefined) {
    throw new AppError('VALIDATION', { zh: `文件中没有列“${unknownHeader}”`, en: `The file has no column "${unknownHeader}"` });
  }
  const suggested = suggestMapping(
    headers.filter((header) => mapping[header] === undefined),
    definition,
  );
  const columns = headers.map((header, index) => ({ index, header, target: mapping[header] ?? suggested[header] ?? { kind: 'ignore' as const } }));
  const seen = new Map<string, string>();
  for (const column of columns) {
    const { target } = column;
    if (target.kind === 'field' && !definition.fields.some((f) => f.key === target.key)) {
      throw new AppError('VALIDATION', { zh: `“${definition.name}”没有字段 ${target.key}`, en: `"${definition.nameEn ?? definition.name}" has no field ${target.key}` });
    }
    const key = targetKey(target);
    if (key === null) continue;
    const other = seen.get(key);
    if (other !== undefined) {
      const label = targetLabel(target, definition);
      throw new AppError('VALIDATION', { zh: `列“${other}”和“${column.header}”都对应“${label}”，请只保留一列`, en: `Columns "${other}" and "${column.header}" both map to "${label}"; keep one` });
    }
    seen.set(key, column.header);
  }
  const unmapped = definition.fields.filter((f) => f.required && !columns.some((c) => c.target.kind === 'field' && c.target.key === f.key));
  if (unmapped.length > 0) {
    throw new AppError(
      'VALIDATION',
      { zh: `请为必填字段指定对应的列：${unmapped.map((f) => f.label).join('、')}`, en: `Map a column to each required field: ${unmapped.map((f) => f.labelEn ?? f.label).join(', ')}` },
      { issues: unmapped.map((f) => ({ path: `mapping.${f.key}`, message: `请为“${f.label}”指定一列`, messageEn: `Map a column to "${f.labelEn ?? f.label}"` })) },
    );
  }
  return columns;
}
