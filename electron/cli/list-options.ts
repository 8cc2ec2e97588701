import type { Command } from 'commander';
import { dossierStatuses, statusLabels, type DossierFilters, type DossierSortKey, type DossierStatus, type InputOf } from '../../shared/contract';
import { cliError } from './cli-error';
import type { CliSession } from './cli-session';
import { requireCliType } from './field-options';
import { levelFromOption } from './level-option';

/** The search, filters and order of the dossier list, as `dossier list` and `dossier export-list` take them. */
export interface ListOptions {
  query?: string;
  type?: string[];
  status?: string[];
  level?: string[];
  classification?: string[];
  department?: string[];
  complete?: boolean;
  incomplete?: boolean;
  location?: string;
  openedFrom?: string;
  openedTo?: string;
  sort?: string;
  asc?: boolean;
}

export type ListSelection = Omit<InputOf<'dossier:list'>, 'cursor' | 'limit'>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Sort keys as the command line writes them. */
const sortNames: Record<string, DossierSortKey> = { created: 'created', 'archive-number': 'archiveNumber', 'opened-on': 'openedOn' };

export function withListOptions(command: Command): Command {
  return command
    .option('--query <q>', '检索：档号、题名、姓名及拼音、电话、车牌等 / search: number, title, names and pinyin, phones, plates …')
    .option('--type <type>', '档案类型（键或名称），可重复 / dossier type (key or name), repeatable', collect)
    .option('--status <status>', `状态：${dossierStatuses.join('、')}（或 在库 等），可重复 / status, repeatable`, collect)
    .option('--level <level>', '密级：名称、字母等级或级别，可重复 / level: name, letter grade or rank, repeatable', collect)
    .option('--classification <value>', '客户分类，可重复 / classification, repeatable', collect)
    .option('--department <code>', '部门代码，可重复 / department code, repeatable', collect)
    .option('--complete', '只列必备文件齐全的 / only dossiers with every required document')
    .option('--incomplete', '只列缺少必备文件的 / only dossiers missing a required document')
    .option('--location <code>', '存放位置（完整编码，如 A-03-2）及其下各处 / a place (full code, e.g. A-03-2) and everything inside it')
    .option('--opened-from <date>', '建档日期起 YYYY-MM-DD / opened on or after')
    .option('--opened-to <date>', '建档日期止 YYYY-MM-DD / opened on or before')
    .option('--sort <key>', `排序：${Object.keys(sortNames).join('、')}（默认 created，最新在前） / order (default created, newest first)`)
    .option('--asc', '升序 / ascending');
}

function statusOf(text: string): DossierStatus {
  const status = dossierStatuses.find((s) => s === text || statusLabels[s].zh === text);
  if (!status) throw cliError('VALIDATION', `状态应为 ${dossierStatuses.join('、')} 之一`, `The status is one of ${dossierStatuses.join(', ')}`);
  return status;
}

async function locationOf(session: CliSession, code: string): Promise<number> {
  const place = (await session.call('location:list', {})).find((l) => l.fullCode === code);
  if (!place) throw cliError('NOT_FOUND', `没有存放位置“${code}”`, `There is no location "${code}"`);
  return place.id;
}

/** The options as the list's input; names are checked here so a typo is an error, not an empty list. */
export async function listSelection(session: CliSession, options: ListOptions): Promise<ListSelection> {
  if (options.complete && options.incomplete) throw cliError('VALIDATION', '--complete 与 --incomplete 只能选一个', 'Choose --complete or --incomplete, not both');
  const sort = options.sort === undefined ? 'created' : sortNames[options.sort];
  if (!sort) throw cliError('VALIDATION', `排序应为 ${Object.keys(sortNames).join('、')} 之一`, `The order is one of ${Object.keys(sortNames).join(', ')}`);
  const typeKeys = options.type ? await Promise.all(options.type.map(async (t) => (await requireCliType(session, t)).key)) : undefined;
  const levels = options.level ? await Promise.all(options.level.map((l) => levelFromOption(session, l))) : undefined;
  const filters: DossierFilters = {
    ...(typeKeys ? { typeKeys } : {}),
    ...(options.status ? { statuses: options.status.map(statusOf) } : {}),
    ...(levels ? { levels } : {}),
    ...(options.classification ? { classifications: options.classification } : {}),
    ...(options.department ? { departmentCodes: options.department } : {}),
    ...(options.complete ? { complete: true } : options.incomplete ? { complete: false } : {}),
    ...(options.location ? { locationId: await locationOf(session, options.location) } : {}),
    ...(options.openedFrom ? { openedFrom: options.openedFrom } : {}),
    ...(options.openedTo ? { openedTo: options.openedTo } : {}),
  };
  return { ...(options.query ? { query: options.query } : {}), filters, sort: { by: sort, direction: options.asc ? 'asc' : 'desc' } };
}
