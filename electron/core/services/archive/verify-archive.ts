import { listUsers } from '../../../../db/repositories/users';
import type { AuditAnchor, DamagedScan, VerifyCheck, VerifyReport } from '../../../../shared/contract';
import { verifyScans } from '../../attachments/verify-scans';
import { AppError } from '../../../../shared/errors';
import { verifyAuditChain, type ChainFault, type ChainVerdict } from '../../audit/chain';
import { readKeySlotFile, slotIdFor, slotMacMatches } from '../../vault/key-slots';
import type { OpenedArchive } from '../../vault/opened-archive';
import { findDamagedStructures, rebuildableIn } from '../../integrity/damaged-structures';
import { databaseState, findRollback } from '../../integrity/rollback-check';
import type Database from 'better-sqlite3';

/** The checks of a copy that has no scans beside it and no high-water mark of its own (a backup being checked). */
export const DATABASE_CHECKS_ONLY: ReadonlySet<VerifyCheck['name']> = new Set(['high-water-mark', 'scans']);

/** `verify`: the database pages, the schema version, the key slots, the audit trail, the high-water mark and the scans (less those `skip` names). */
export function verifyArchive(archive: OpenedArchive, now: Date, anchors: readonly AuditAnchor[] = [], skip: ReadonlySet<VerifyCheck['name']> = new Set()): VerifyReport {
  let auditHead: AuditAnchor | null = null;
  let damagedStructures: string[] = [];
  let damagedScans: DamagedScan[] = [];
  const checks = [
    guarded('database-integrity', () => {
      try {
        const verdict = databaseIntegrity(archive);
        if (!verdict.ok) damagedStructures = findDamagedStructures(archive.database.sqlite);
        return damagedStructures.length > 0 ? damagedCheck(damagedStructures, archive.database.sqlite) : verdict;
      } catch (error) {
        // A page that fails the cipher's check stops SQLite's own check: walk the tables one by one to name it.
        damagedStructures = findDamagedStructures(archive.database.sqlite);
        if (damagedStructures.length === 0) throw error;
        return damagedCheck(damagedStructures, archive.database.sqlite);
      }
    }),
    guarded('schema-version', () => schemaVersion(archive)),
    guarded('key-slots', () => keySlots(archive)),
    guarded('audit-trail', () => {
      const verdict = verifyAuditChain(archive.database.db, anchors);
      if (verdict.ok) auditHead = verdict.head;
      return auditTrail(verdict, anchors.length);
    }),
    skip.has('high-water-mark') ? null : guarded('high-water-mark', () => highWaterMark(archive)),
    skip.has('scans')
      ? null
      : guarded('scans', () => {
          const verdict = verifyScans(archive.database.db, archive.paths.scans, archive.dataKey, now);
          damagedScans = verdict.damaged;
          return verdict.check;
        }),
  ].filter((c): c is VerifyCheck => c !== null);
  return { ok: checks.every((c) => c.ok), checks, auditHead, damagedStructures, damagedScans };
}

function damagedCheck(structures: readonly string[], sqlite: Database.Database): VerifyCheck {
  const rebuildable = structures.every(rebuildableIn(sqlite));
  const advice = rebuildable
    ? { zh: '只有索引损坏：管理员可从记录重建索引（repair-index）', en: 'only indexes are damaged: an administrator can rebuild them from the records (repair-index)' }
    : { zh: '记录已损坏：请从最近的副本恢复数据文件夹', en: 'records are damaged: restore the data folder from the latest copy' };
  return check('database-integrity', false, `数据库页面校验失败，损坏的部分：${structures.join('、')}；${advice.zh}`, `Database pages failed their check; damaged: ${structures.join(', ')}; ${advice.en}`);
}

function highWaterMark(archive: OpenedArchive): VerifyCheck {
  const finding = findRollback(archive);
  if (finding) return check('high-water-mark', false, finding.message.zh, finding.message.en);
  const { eventId } = databaseState(archive.database.db);
  return check('high-water-mark', true, `数据库包含档案库记下的全部内容（至审计事件 ${eventId}）`, `The database holds everything the archive recorded (up to audit event ${eventId})`);
}

/** A check that cannot even be read to the end (a damaged page) fails; the others still run. */
function guarded(name: VerifyCheck['name'], run: () => VerifyCheck): VerifyCheck {
  try {
    return run();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return check(name, false, `无法完成检查：${detail}`, `The check could not be completed: ${detail}`);
  }
}

function check(name: VerifyCheck['name'], ok: boolean, zh: string, en: string): VerifyCheck {
  return { name, ok, message: zh, messageEn: en };
}

function databaseIntegrity(archive: OpenedArchive): VerifyCheck {
  const { sqlite } = archive.database;
  const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[];
  if (problems.length === 0 && foreignKeys.length === 0) {
    return check('database-integrity', true, '数据库完整', 'The database is intact');
  }
  const detail = [...problems.slice(0, 5), ...(foreignKeys.length ? [`${foreignKeys.length} foreign key violations`] : [])].join('; ');
  return check('database-integrity', false, `数据库不完整：${detail}`, `The database is damaged: ${detail}`);
}

function schemaVersion(archive: OpenedArchive): VerifyCheck {
  const found = archive.database.sqlite.pragma('user_version', { simple: true }) as number;
  const applied = (archive.database.sqlite.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n;
  const expected = archive.database.schemaVersion;
  return found === expected && applied === expected
    ? check('schema-version', true, `数据库版本 ${found}`, `Database version ${found}`)
    : check('schema-version', false, `数据库版本不一致：标记 ${found}，已应用 ${applied}，应为 ${expected}`, `Database version mismatch: marked ${found}, applied ${applied}, expected ${expected}`);
}

function keySlots(archive: OpenedArchive): VerifyCheck {
  let file;
  try {
    file = readKeySlotFile(archive.paths.keySlots);
  } catch (error) {
    const text = error instanceof AppError ? { zh: error.messageZh, en: error.messageEn } : { zh: '无法读取', en: 'unreadable' };
    return check('key-slots', false, `密钥槽文件：${text.zh}`, `Key slot file: ${text.en}`);
  }
  if (file.archiveId !== archive.archiveId) {
    return check('key-slots', false, '密钥槽文件属于另一个档案库', 'The key slot file belongs to another archive');
  }
  const active = listUsers(archive.database.db).filter((u) => u.status === 'active');
  const problems: { zh: string; en: string }[] = [];
  const expectedIds = new Set<string>();
  for (const user of active) {
    const id = slotIdFor(file, user.login);
    expectedIds.add(id);
    const slots = file.slots.filter((s) => s.id === id);
    if (slots.length === 0) problems.push({ zh: `用户 ${user.login} 没有密钥槽`, en: `user ${user.login} has no key slot` });
    else if (!slots.some((slot) => slotMacMatches(archive.dataKey, archive.archiveId, slot, user.keySlotMac))) {
      problems.push({ zh: `用户 ${user.login} 的密钥槽与数据库记录不符（被修改或从旧备份恢复）`, en: `the key slot of user ${user.login} does not match the database (altered or restored from an old backup)` });
    }
    if (slots.length > 1) {
      problems.push({ zh: `用户 ${user.login} 有 ${slots.length} 个密钥槽，应只有 1 个（旧密钥槽被放回）`, en: `user ${user.login} has ${slots.length} key slots instead of one (an old slot was put back)` });
    }
  }
  const orphans = file.slots.filter((s) => !expectedIds.has(s.id)).length;
  if (orphans > 0) problems.push({ zh: `${orphans} 个密钥槽不属于任何在用用户`, en: `${orphans} key slots belong to no active user` });
  return problems.length === 0
    ? check('key-slots', true, `${file.slots.length} 个密钥槽，全部与在用用户一致`, `${file.slots.length} key slots, all matching the active users`)
    : check('key-slots', false, `密钥槽：${problems.map((p) => p.zh).join('；')}`, `Key slots: ${problems.map((p) => p.en).join('; ')}`);
}

const faultText: Record<ChainFault, { zh: string; en: string }> = {
  'content-changed': { zh: '内容被修改', en: 'its content was changed' },
  'chain-broken': { zh: '与前一事件的链接断开', en: 'its link to the previous event is broken' },
  'event-missing': { zh: '之前的事件缺失', en: 'events before it are missing' },
  'tail-missing': { zh: '此事件及之后的事件缺失', en: 'it and later events are missing' },
  'anchor-mismatch': { zh: '与之前记下的锚点不符（审计记录被改写）', en: 'it does not match the anchor written down earlier (the trail was rewritten)' },
};

function auditTrail(verdict: ChainVerdict, anchors: number): VerifyCheck {
  if (verdict.ok) {
    const anchored = anchors > 0 ? { zh: `，${anchors} 个锚点相符`, en: `, ${anchors} anchors match` } : { zh: '', en: '' };
    return check('audit-trail', true, `审计记录完整（${verdict.events} 条${anchored.zh}）`, `The audit trail is intact (${verdict.events} events${anchored.en})`);
  }
  const fault = faultText[verdict.fault];
  return check('audit-trail', false, `审计记录第 ${verdict.firstBrokenId} 条起不完整：${fault.zh}`, `The audit trail breaks at event ${verdict.firstBrokenId}: ${fault.en}`);
}
