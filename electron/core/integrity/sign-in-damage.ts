import type Database from 'better-sqlite3';
import { AppError, type ErrorIssue } from '../../../shared/errors';
import { isDatabaseDamage } from '../errors';
import { findDamagedStructures, rebuildableIn } from './damaged-structures';

/**
 * Damage met while signing in leaves nobody a session in which to run verify or repair it, so the
 * refusal itself says what is damaged (the password already proved the key, the database is open)
 * and what can be done: indexes an administrator rebuilds while signing in, records only a copy
 * brings back.
 */
/** The issue that marks damage a sign-in with `repairIndexes` can repair. */
export const REBUILDABLE: ErrorIssue = { path: 'repairIndexes', message: '损坏的只是索引，可以重建', messageEn: 'Only indexes are damaged; they can be rebuilt' };

export function nameSignInDamage(error: unknown, sqlite: Database.Database): AppError | null {
  if (!isDatabaseDamage(error)) return null;
  let damaged: string[];
  let rebuildable: (name: string) => boolean;
  try {
    damaged = findDamagedStructures(sqlite);
    rebuildable = rebuildableIn(sqlite);
  } catch {
    return null;
  }
  if (damaged.length === 0) return null;
  const zh = damaged.join('、');
  const en = damaged.join(', ');
  if (damaged.every(rebuildable)) {
    return new AppError(
      'ARCHIVE_DAMAGED',
      {
        zh: `档案库文件已损坏，登录时无法读取。损坏的只是索引（${zh}），可以由记录重建：请管理员选择“重建索引并登录”（命令行：dossierdesk repair-index）`,
        en: `The archive files are damaged and cannot be read to sign in. Only indexes are damaged (${en}); they can be rebuilt from the records: an administrator chooses "Rebuild indexes and sign in" (command line: dossierdesk repair-index)`,
      },
      // Says what the sign-in page offers: signing in again with repairIndexes.
      { cause: error, issues: [REBUILDABLE] },
    );
  }
  const records = damaged.filter((name) => !rebuildable(name));
  return new AppError(
    'ARCHIVE_DAMAGED',
    {
      zh: `档案库文件已损坏，登录时无法读取：记录（${records.join('、')}）已损坏，因此无法登录，也无法校验或修复。请从最近的副本恢复数据文件夹`,
      en: `The archive files are damaged and cannot be read to sign in: records (${records.join(', ')}) are damaged, so nobody can sign in, verify or repair. Restore the data folder from the latest copy`,
    },
    { cause: error },
  );
}
