import type { Command } from 'commander';
import { parsePositive } from '../number-option';
import { DOSSIER_PAGE_MAX, type DossierSummary } from '../../../shared/contract';
import { allPages } from '../all-pages';
import type { CliSession } from '../cli-session';
import { collectField, dossierFields, fieldsFileOption, givenFields, requireCliType, type FieldOptions } from '../field-options';
import { levelFromOption, levelName } from '../level-option';
import { describeDossier } from './dossier-text';
import { carrierFromOption, registerDossierUpdate } from './dossier-update';
import { registerExportListCommand } from './dossier-export-list';
import { registerDossierExportCommand } from './dossier-export';
import { listSelection, withListOptions, type ListOptions, type ListSelection } from '../list-options';
import type { Run } from '../program';

export function registerDossierCommands(program: Command, run: Run): void {
  const dossier = program.command('dossier').description('档案 / dossiers');

  dossier
    .command('create')
    .description('新建档案，输出档号 / create a dossier and print its archive number')
    .option('--type <type>', '档案类型（见 type list），如 vehicle-new / dossier type (see type list), e.g. vehicle-new')
    .option('--field <key=value>', '字段值，可重复；键名或中文字段名 / a field value, repeatable; key or Chinese label', collectField)
    .addOption(fieldsFileOption())
    .option('--title <text>', '案卷题名（有类型时默认按类型生成） / title (with a type: from the type by default)')
    .option('--level <level>', '密级：名称、字母等级或级别（默认：类型的密级） / level: name, letter grade or rank (default: the type’s)')
    .option('--department <code>', '所属部门代码（默认：本人部门） / department code (default: your own)')
    .option('--classification <value>', '客户分类，如 一般/特殊、A/B/C/D / classification')
    .option('--carrier <carrier>', '载体：paper、electronic、both（默认 paper） / carrier')
    .option('--opened-on <date>', '建档日期 YYYY-MM-DD（默认今天） / date opened (default today)')
    .option('--remarks <text>', '备注 / remarks')
    .action(run(async (session, options: CreateOptions) => {
      const given = await givenFields(session, options);
      await session.signIn();
      const type = options.type ? await requireCliType(session, options.type) : null;
      const created = await session.call('dossier:create', {
        ...(type ? { typeKey: type.key } : {}),
        fields: dossierFields(type, given),
        ...(options.title ? { title: options.title } : {}),
        ...(options.level ? { level: await levelFromOption(session, options.level) } : {}),
        ...(options.department ? { departmentCode: options.department } : {}),
        ...(options.classification ? { classification: options.classification } : {}),
        carrier: options.carrier === undefined ? 'paper' : carrierFromOption(options.carrier),
        ...(options.openedOn ? { openedOn: options.openedOn } : {}),
        ...(options.remarks ? { remarks: options.remarks } : {}),
      });
      await session.show(created, (c) => c.archiveNumber);
    }));

  registerDossierUpdate(dossier, run);

  dossier
    .command('show <archive-number>')
    .description('显示一份档案：字段、文件清单、卷内文件 / show one dossier: fields, checklist, documents')
    .action(run(async (session, archiveNumber: string) => {
      await session.signIn();
      const detail = await session.call('dossier:get', { archiveNumber });
      await session.show(detail, async (d) => describeDossier(d, await levelName(session, d.level)));
    }));

  withListOptions(
    dossier
      .command('list')
      .description('列出档案（默认最新在前） / list dossiers, newest first unless sorted otherwise')
      .option('--limit <n>', '最多列出几条 / list at most n', parsePositive),
  ).action(run(async (session, options: ListOptions & { limit?: number }) => {
    await session.signIn();
    const items = await allDossiers(session, await listSelection(session, options), options.limit ?? Number.POSITIVE_INFINITY);
    await session.show(items, (shown) => (shown.length === 0 ? '（无档案 / no dossiers）' : shown.map((d) => [d.archiveNumber, d.title, d.department.code, d.createdAt, d.remark ?? ''].join('\t').trimEnd()).join('\n')));
  }));

  registerExportListCommand(dossier, run);
  registerDossierExportCommand(dossier, run);
}

function allDossiers(session: CliSession, selection: ListSelection, limit: number): Promise<DossierSummary[]> {
  return allPages((cursor, size) => session.call('dossier:list', { ...selection, ...(cursor ? { cursor } : {}), limit: size }), DOSSIER_PAGE_MAX, limit);
}

interface CreateOptions extends FieldOptions {
  type?: string;
  title?: string;
  level?: string;
  department?: string;
  classification?: string;
  carrier?: string;
  openedOn?: string;
  remarks?: string;
}

