import { existsSync, readFileSync } from 'node:fs';
import { dossierColumnLabels, dossierColumns, type DossierTypeView, type ImportTarget } from '../../shared/contract';
import { cliError } from './cli-error';

/**
 * `--mapping` as JSON text or the path of a JSON file: `{"sheet header": "field"}`, where the
 * field is a field key or label of the type, a dossier column (archiveNumber/档号, title/案卷题名,
 * classification, openedOn/建档日期, remarks/备注), or null/"" to ignore the column.
 */
export function mappingFromOption(option: string | undefined, type: DossierTypeView): Record<string, ImportTarget> {
  if (option === undefined) return {};
  const text = !option.trimStart().startsWith('{') && existsSync(option) ? readFileSync(option, 'utf8') : option;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw cliError('VALIDATION', '--mapping 应为 JSON 对象或 JSON 文件的路径，如 {"姓名":"customerName"}', '--mapping is a JSON object or the path of a JSON file, e.g. {"姓名":"customerName"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw cliError('VALIDATION', '--mapping 应为 JSON 对象：{"表头":"字段"}', '--mapping is a JSON object: {"header":"field"}');
  }
  return Object.fromEntries(Object.entries(parsed).map(([header, value]) => [header, targetOf(header, value, type)]));
}

function targetOf(header: string, value: unknown, type: DossierTypeView): ImportTarget {
  if (value === null || value === '' || value === 'ignore') return { kind: 'ignore' };
  if (typeof value !== 'string') throw cliError('VALIDATION', `--mapping 中“${header}”的值应为字段名`, `In --mapping, "${header}" maps to a field name`);
  const name = value.trim();
  const field = type.fields.find((f) => f.key === name || f.label === name);
  if (field) return { kind: 'field', key: field.key };
  const column = dossierColumns.find((c) => c === name || dossierColumnLabels[c].zh === name);
  if (column) return { kind: 'dossier', column };
  const known = [...type.fields.map((f) => `${f.key}（${f.label}）`), ...dossierColumns].join(', ');
  throw cliError('VALIDATION', `“${type.name}”没有字段“${name}”（列“${header}”），可用：${known}`, `"${type.name}" has no field "${name}" (column "${header}"); known: ${known}`);
}
