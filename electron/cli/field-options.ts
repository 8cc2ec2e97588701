import type { DossierTypeView } from '../../shared/contract';
import { cliError } from './cli-error';
import type { CliSession } from './cli-session';

/** Collects repeated `--field key=value` options. */
export function collectField(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export async function requireCliType(session: CliSession, key: string): Promise<DossierTypeView> {
  const types = await session.call('type:list', {});
  const type = types.find((t) => t.key === key || t.name === key);
  if (!type) {
    const known = types.map((t) => `${t.key}（${t.name}）`).join(', ');
    throw cliError('NOT_FOUND', `没有档案类型“${key}”，可用：${known}`, `There is no dossier type "${key}"; known: ${known}`);
  }
  return type;
}

/**
 * `key=value` pairs as field values. A field may be named by its key (customerName) or by its
 * Chinese label (客户名称); the core checks and normalises the values.
 */
export function fieldsFromOptions(type: DossierTypeView | null, pairs: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw cliError('VALIDATION', `字段应写作 键=值：“${pair}”`, `A field is written key=value: "${pair}"`);
    const name = pair.slice(0, at).trim();
    const key = type?.fields.find((f) => f.key === name || f.label === name)?.key ?? name;
    fields[key] = pair.slice(at + 1);
  }
  return fields;
}
