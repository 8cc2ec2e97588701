import type { Command } from 'commander';
import { carriers, type Carrier } from '../../../shared/contract';
import type { Retention } from '../../../shared/dossier-types';
import { cliError } from '../cli-error';
import { collectField, dossierFields, fieldsFileOption, givenFields, requireCliType, type FieldOptions } from '../field-options';
import { levelName } from '../level-option';
import type { Run } from '../program';
import { describeDossier } from './dossier-text';

interface UpdateOptions extends FieldOptions {
  title?: string;
  classification?: string;
  carrier?: string;
  openedOn?: string;
  remarks?: string;
  retention?: string;
  department?: string;
}

/** An empty option clears the value (`--remarks ""`). */
const orNull = (value: string) => (value.trim() === '' ? null : value);

/** `永久` / `permanent`, or a number of years (`30`, `30年`, `30y`). */
export function retentionFromOption(value: string): Retention {
  const text = value.trim().toLowerCase();
  if (text === '永久' || text === 'permanent') return { kind: 'permanent' };
  const years = /^(\d{1,3})\s*(年|y|years?)?$/.exec(text);
  if (years) return { kind: 'years', years: Number(years[1]) };
  throw cliError('VALIDATION', `保管期限应为“永久”或年数（如 30年）：“${value}”`, `The retention is "permanent" or a number of years (e.g. 30): "${value}"`);
}

export function carrierFromOption(value: string): Carrier {
  const carrier = carriers.find((c) => c === value);
  if (!carrier) throw cliError('VALIDATION', `载体应为 ${carriers.join('、')} 之一`, `The carrier is one of ${carriers.join(', ')}`);
  return carrier;
}

export function registerDossierUpdate(dossier: Command, run: Run): void {
  dossier
    .command('update <archive-number>')
    .description('更正档案的著录信息（档号不变），输出更正后的档案 / correct a dossier’s description (its archive number never changes) and print it')
    .option('--field <key=value>', '字段值，可重复；键名或中文字段名；值为空则清除 / a field value, repeatable; key or Chinese label; empty clears it', collectField)
    .addOption(fieldsFileOption())
    .option('--title <text>', '案卷题名 / title')
    .option('--classification <value>', '客户分类（空值清除） / classification (empty clears)')
    .option('--carrier <carrier>', '载体：paper、electronic、both / carrier')
    .option('--opened-on <date>', '建档日期 YYYY-MM-DD / date opened')
    .option('--remarks <text>', '备注（空值清除） / remarks (empty clears)')
    .option('--retention <period>', '保管期限：永久 或 年数，如 30年 / retention: permanent or years, e.g. 30')
    .option('--department <code>', '转到其他部门（需相应权限） / move to another department (needs the permission)')
    .action(run(async (session, archiveNumber: string, options: UpdateOptions) => {
      const given = await givenFields(session, options);
      await session.signIn();
      const current = await session.call('dossier:get', { archiveNumber });
      const type = current.type ? await requireCliType(session, current.type.key) : null;
      const fields = dossierFields(type, given);
      const detail = await session.call('dossier:update', {
        archiveNumber,
        ...(given.length > 0 ? { fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, orNull(v)])) } : {}),
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.classification !== undefined ? { classification: orNull(options.classification) } : {}),
        ...(options.carrier !== undefined ? { carrier: carrierFromOption(options.carrier) } : {}),
        ...(options.openedOn !== undefined ? { openedOn: options.openedOn } : {}),
        ...(options.remarks !== undefined ? { remarks: orNull(options.remarks) } : {}),
        ...(options.retention !== undefined ? { retention: retentionFromOption(options.retention) } : {}),
        ...(options.department !== undefined ? { departmentCode: options.department } : {}),
      });
      await session.show(detail, async (d) => describeDossier(d, await levelName(session, d.level)));
    }));
}
