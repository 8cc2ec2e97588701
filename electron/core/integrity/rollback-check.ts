import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { readMetaValue, writeMetaValue } from '../../../db/repositories/meta';
import { withSequence } from '../../../shared/dossier-types';
import type { Message } from '../../../shared/errors';
import { formatLocalDateTime } from '../../../shared/time';
import type { OpenedArchive } from '../vault/opened-archive';
import { readDatabaseSalt, readHighWaterMark, writeHighWaterMark, type HighWaterMark } from './high-water-mark';

/** Set in the database once a high-water mark is kept: from then on a missing mark means an incomplete copy. */
const MARK_KEPT = 'high_water_mark';

/** How far the database has got: its newest audit event and its running numbers. */
export function databaseState(db: Db): Omit<HighWaterMark, 'databaseSalt'> {
  const head = db.get<{ id: number; hash: string; at: string } | undefined>(sql`SELECT id, hash, at FROM audit_events ORDER BY id DESC LIMIT 1`);
  const rows = db.all<{ scope: string; value: number }>(sql`SELECT scope, last_value AS value FROM number_sequences`);
  return { eventId: head?.id ?? 0, eventHash: head?.hash ?? '', eventAt: head?.at ?? '', numbers: Object.fromEntries(rows.map((r) => [r.scope, r.value])) };
}

/** Inside a write transaction: from now on this archive keeps a high-water mark. */
export function keepHighWaterMark(db: Db): void {
  if (readMetaValue(db, MARK_KEPT) !== 'kept') writeMetaValue(db, MARK_KEPT, 'kept');
}

export interface RollbackFinding {
  kind: 'behind' | 'forked' | 'mark-missing' | 'mark-unreadable';
  /** Running numbers issued before the rollback that the database no longer knows (scope → last issued). */
  lostNumbers: Record<string, { database: number; issued: number }>;
  mark: HighWaterMark | null;
  message: Message;
}

/**
 * Compares the database with its high-water mark. Null when the database has everything the mark
 * says it reached (or no mark was ever kept – an archive from before marks existed).
 */
export function findRollback(archive: OpenedArchive): RollbackFinding | null {
  const db = archive.database.db;
  const read = readHighWaterMark(archive.paths.highWaterMark, archive.dataKey, archive.archiveId);
  if (read.state === 'missing') {
    return readMetaValue(db, MARK_KEPT) === 'kept' ? finding('mark-missing', null, {}, markMissing) : null;
  }
  if (read.state === 'unreadable') return finding('mark-unreadable', null, {}, markUnreadable);
  const { mark } = read;
  const now = databaseState(db);
  const lostNumbers = Object.fromEntries(
    Object.entries(mark.numbers)
      .filter(([scope, issued]) => (now.numbers[scope] ?? 0) < issued)
      .map(([scope, issued]) => [scope, { database: now.numbers[scope] ?? 0, issued }]),
  );
  if (now.eventId < mark.eventId || Object.keys(lostNumbers).length > 0) return finding('behind', mark, lostNumbers, behind(now, mark, lostNumbers));
  const atMark = db.get<{ hash: string } | undefined>(sql`SELECT hash FROM audit_events WHERE id = ${mark.eventId}`);
  if (mark.eventId > 0 && atMark?.hash !== mark.eventHash) return finding('forked', mark, lostNumbers, forked(mark));
  return null;
}

/**
 * What this program last wrote into the mark, per open archive: a write then costs two small
 * queries and one rename – no read of the mark, no read of the salt. Another program may have
 * written a higher mark meanwhile; overwriting it with this program's (lower) state only weakens
 * the check until the next write, it can never raise a false alarm.
 */
const written = new WeakMap<OpenedArchive, HighWaterMark>();

/** After a commit: the mark moves up to the database's state. */
export function advanceHighWaterMark(archive: OpenedArchive): void {
  const now = databaseState(archive.database.db);
  const previous = written.get(archive) ?? previousMark(archive);
  if (previous && (previous.eventId > now.eventId || (previous.eventId === now.eventId && previous.eventHash === now.eventHash))) return;
  // A database that no longer holds the event the mark names has been rolled back or replaced:
  // the mark is the evidence, and only an accepted rollback writes it anew.
  if (previous && previous.eventId > 0 && eventHash(archive, previous.eventId) !== previous.eventHash) return;
  writeMark(archive, now, previous, previous?.databaseSalt ?? readDatabaseSalt(archive.paths.database));
}

/** Starts the mark again from the database's state (a new archive, an accepted rollback), keeping the highest numbers. */
export function writeCurrentHighWaterMark(archive: OpenedArchive): void {
  writeMark(archive, databaseState(archive.database.db), previousMark(archive), readDatabaseSalt(archive.paths.database));
}

function eventHash(archive: OpenedArchive, id: number): string | undefined {
  return archive.database.db.get<{ hash: string } | undefined>(sql`SELECT hash FROM audit_events WHERE id = ${id}`)?.hash;
}

function previousMark(archive: OpenedArchive): HighWaterMark | null {
  const read = readHighWaterMark(archive.paths.highWaterMark, archive.dataKey, archive.archiveId);
  return read.state === 'ok' ? read.mark : null;
}

function writeMark(archive: OpenedArchive, now: Omit<HighWaterMark, 'databaseSalt'>, previous: HighWaterMark | null, salt: string | null): void {
  if (!salt) return;
  const numbers = { ...previous?.numbers };
  for (const [scope, value] of Object.entries(now.numbers)) numbers[scope] = Math.max(numbers[scope] ?? 0, value);
  const mark = { databaseSalt: salt, ...now, numbers };
  writeHighWaterMark(archive.paths.highWaterMark, archive.dataKey, archive.archiveId, mark);
  written.set(archive, mark);
}

/**
 * The database file that failed to open with the right key belongs to this archive if its salt is
 * the one the mark recorded: then its first page is damaged, not the key wrong.
 */
export function isThisArchivesDatabase(archive: Pick<OpenedArchive, 'paths' | 'dataKey' | 'archiveId'>): boolean {
  const read = readHighWaterMark(archive.paths.highWaterMark, archive.dataKey, archive.archiveId);
  return read.state === 'ok' && read.mark.databaseSalt === readDatabaseSalt(archive.paths.database);
}

function finding(kind: RollbackFinding['kind'], mark: HighWaterMark | null, lostNumbers: RollbackFinding['lostNumbers'], message: Message): RollbackFinding {
  return { kind, mark, lostNumbers, message };
}

const when = (iso: string): string => (iso ? formatLocalDateTime(new Date(iso)) : '—');

function numbersText(lost: RollbackFinding['lostNumbers']): Message {
  const entries = Object.entries(lost);
  if (entries.length === 0) return { zh: '', en: '' };
  const ranges = entries.map(([scope, { database, issued }]) => (database + 1 === issued ? withSequence(scope, issued) : `${withSequence(scope, database + 1)}–${withSequence(scope, issued)}`)).join(', ');
  return { zh: `；已发出但缺失的档号：${ranges}`, en: `; archive numbers issued but missing: ${ranges}` };
}

function behind(now: Omit<HighWaterMark, 'databaseSalt'>, mark: HighWaterMark, lost: RollbackFinding['lostNumbers']): Message {
  const missing = Math.max(0, mark.eventId - now.eventId);
  const numbers = numbersText(lost);
  return {
    zh: `档案库已回退：数据库只到审计事件 ${now.eventId}（${when(now.eventAt)}），而档案库曾到达事件 ${mark.eventId}（${when(mark.eventAt)}），其后 ${missing} 个事件及其更改已丢失${numbers.zh}。请放回丢失的文件（archive.db-wal 或较新的 archive.db），或由管理员确认接受此状态`,
    en: `The archive has been rolled back: the database ends at audit event ${now.eventId} (${when(now.eventAt)}), but the archive had reached event ${mark.eventId} (${when(mark.eventAt)}); the ${missing} events after it and their changes are missing${numbers.en}. Put the lost files back (archive.db-wal or a newer archive.db), or have an administrator accept this state`,
  };
}

function forked(mark: HighWaterMark): Message {
  return {
    zh: `档案库已被替换或回退：审计事件 ${mark.eventId}（${when(mark.eventAt)}）与档案库记下的不同，数据库来自另一段历史（较旧的副本）。请放回正确的 archive.db，或由管理员确认接受此状态`,
    en: `The archive was replaced or rolled back: audit event ${mark.eventId} (${when(mark.eventAt)}) is not the one the archive recorded; the database comes from another history (an older copy). Put the right archive.db back, or have an administrator accept this state`,
  };
}

const markMissing: Message = {
  zh: '缺少高水位标记文件 high-water.json：此数据文件夹可能是不完整的副本（只复制了 archive.db），最近保存的内容可能丢失，丢失了哪些档号也无从得知。请从原文件夹完整复制，或由管理员确认接受此状态（之后请核对最近的档号）',
  en: 'The high-water mark file high-water.json is missing: this data folder may be an incomplete copy (only archive.db copied); recent work may be missing, and which archive numbers were issued cannot be known. Copy the whole original folder, or have an administrator accept this state (then check the latest archive numbers)',
};

const markUnreadable: Message = {
  zh: '高水位标记文件 high-water.json 已被修改、损坏或属于另一档案库，无法确认数据库是否完整，丢失了哪些档号也无从得知。请放回原文件，或由管理员确认接受此状态（之后请核对最近的档号）',
  en: 'The high-water mark file high-water.json was altered, damaged or belongs to another archive; whether the database is complete, and which archive numbers were issued, cannot be confirmed. Put the original file back, or have an administrator accept this state (then check the latest archive numbers)',
};
