import { dossierColumnLabels, dossierColumns, type DossierColumn, type ImportTarget } from '../../../../shared/contract';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';

/** Other headers clerks' sheets use for the dossier's own columns. */
const COLUMN_SYNONYMS: Record<DossierColumn, readonly string[]> = {
  archiveNumber: ['档号', '档案编号', '档案号', 'archiveNumber', 'Archive number'],
  title: ['案卷题名', '题名', '档案名称', 'title', 'Title'],
  classification: ['客户分类', '分类', 'classification'],
  openedOn: ['建档日期', '立档日期', 'openedOn'],
  remarks: ['备注', 'remarks'],
};

const clean = (header: string) => header.replace(/\s+/g, '').replace(/[*＊（(]必填[)）]$/, '');

function automatic(header: string, definition: TypeDefinition): ImportTarget {
  const name = clean(header);
  const field = definition.fields.find((f) => f.key === name || clean(f.label) === name || (f.labelEn && clean(f.labelEn) === name));
  if (field) return { kind: 'field', key: field.key };
  if (definition.classification && clean(definition.classification.name) === name) return { kind: 'dossier', column: 'classification' };
  const column = dossierColumns.find((c) => COLUMN_SYNONYMS[c].some((synonym) => clean(synonym) === name));
  return column ? { kind: 'dossier', column } : { kind: 'ignore' };
}

/** A header equal to a field's key or label (or a dossier column's usual name) maps by itself. */
export function suggestMapping(headers: readonly string[], definition: TypeDefinition): Record<string, ImportTarget> {
  return Object.fromEntries(headers.map((header) => [header, automatic(header, definition)]));
}

export interface ColumnPlan {
  index: number;
  header: string;
  target: ImportTarget;
}

const targetKey = (target: ImportTarget) => (target.kind === 'field' ? `field:${target.key}` : target.kind === 'dossier' ? `dossier:${target.column}` : null);

export function targetLabel(target: ImportTarget, definition: TypeDefinition): string {
  if (target.kind === 'field') return definition.fields.find((f) => f.key === target.key)?.label ?? target.key;
  if (target.kind === 'dossier') return dossierColumnLabels[target.column].zh;
  return '—';
}

/**
 * The columns as they will be read: the explicit mapping, and for the other headers the automatic
 * one. A mapping that names a header the file does not have, a field the type does not have, or
 * two columns for the same target is refused before anything is read.
 */
export function resolveMapping(headers: readonly string[], mapping: Readonly<Record<string, ImportTarget>>, definition: TypeDefinition): ColumnPlan[] {
  const unknownHeader = Object.keys(mapping).find((header) => !headers.includes(header));
  if (unknownHeader !== undefined) {
    throw new AppError('VALIDATION', { zh: `文件中没有列“${unknownHeader}”`, en: `The file has no column "${unknownHeader}"` });
  }
  const columns = headers.map((header, index) => ({ index, header, target: mapping[header] ?? automatic(header, definition) }));
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
  return columns;
}
