import { Option } from 'commander';
import type { DossierTypeView } from '../../shared/contract';
import { cliError } from './cli-error';
import type { CliSession } from './cli-session';
import { readFieldsFile, type GivenField } from './fields-file';

/** Collects repeated `--field key=value` options. */
export function collectField(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--fields-file`, offered wherever `--field` is. */
export function fieldsFileOption(): Option {
  return new Option(
    '--fields-file <file>',
    'JSON 文件中的字段值（- 为标准输入），如 {"证件号": "…"}：不出现在命令行与进程列表中 / field values from a JSON file (- for standard input), kept off the command line and the process list',
  );
}

export interface FieldOptions {
  field?: string[];
  fieldsFile?: string;
}

/** The fields of `--field key=value` and of `--fields-file`, in that order. */
export async function givenFields(session: CliSession, options: FieldOptions): Promise<GivenField[]> {
  const pairs = (options.field ?? []).map((pair): GivenField => {
    const at = pair.indexOf('=');
    if (at <= 0) throw cliError('VALIDATION', `字段应写作 键=值：“${pair}”`, `A field is written key=value: "${pair}"`);
    return { name: pair.slice(0, at).trim(), value: pair.slice(at + 1), fromFile: false };
  });
  return options.fieldsFile === undefined ? pairs : [...pairs, ...(await readFieldsFile(options.fieldsFile, () => session.stdinText()))];
}

/**
 * The given fields by key (`keyOf` turns a name – key or label – into the key). A repeated
 * `--field` replaces the earlier one, as it always has; a field named in the fields file and
 * again (on the command line, or under its other name in the file) is refused: which one was meant?
 */
export function fieldsByKey<K extends string>(given: readonly GivenField[], keyOf: (name: string) => K): Map<K, string> {
  const fields = new Map<K, { value: string; fromFile: boolean }>();
  for (const field of given) {
    const key = keyOf(field.name);
    const earlier = fields.get(key);
    if (earlier && (earlier.fromFile || field.fromFile)) {
      throw cliError('VALIDATION', `字段“${key}”给出了两次（--field 与 --fields-file，或键名与中文字段名）`, `The field "${key}" is given twice (--field and --fields-file, or by key and by label)`);
    }
    fields.set(key, field);
  }
  return new Map([...fields].map(([key, { value }]) => [key, value]));
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
 * Given fields as a dossier's field values. A field may be named by its key (customerName) or by
 * its Chinese label (客户名称); the core checks and normalises the values.
 */
export function dossierFields(type: DossierTypeView | null, given: readonly GivenField[]): Record<string, string> {
  return Object.fromEntries(fieldsByKey(given, (name) => type?.fields.find((f) => f.key === name || f.label === name)?.key ?? name));
}
