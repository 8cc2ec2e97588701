import type { Db } from '../../db/open';
import { AppError, describeUnexpected, type Message } from '../../shared/errors';
import { appendAuditEvent, type AuditActor, type AuditDraft, type FrontDoor } from './audit/chain';
import type { Change, CoreEnv } from './context';
import { applyFileEffects, type FileEffect } from './fs/file-effects';
import { LongWrite } from './integrity/long-write-notice';
import { databaseFileReplaced, type OpenedArchive } from './vault/opened-archive';

/** What a write needs of the core around it. */
export interface WriteHost {
  readonly env: CoreEnv;
  log(message: string): void;
  /** The archive of the session, if one is open (its connection is read-only between writes). */
  sessionArchive(): OpenedArchive | null;
  /** After each commit to the session's archive: the core keeps its marks of the database. */
  committed(archive: OpenedArchive): void;
  /** While a long write lasts, its notice (other programs wait for it; this core does not). */
  holdLongWrite(notice: LongWrite | null): void;
}

/** Another program repaired the archive, or someone put another file in place, while this session had it open. */
export const FILE_REPLACED: Message = {
  zh: '档案库文件已被另一程序替换（修复或放回副本），本程序打开的是旧文件，不能再写入：请锁定后重新登录',
  en: 'The archive file was replaced by another program (a repair, or a copy put back); this program has the old file open and cannot write: lock and sign in again',
};

function pauseBriefly(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The connection goes back to reading only once the write is over, if it is the session's. */
function backToReading(host: WriteHost, db: Db): void {
  const sqlite = db.$client;
  if (sqlite.open && host.sessionArchive()?.database.sqlite === sqlite) sqlite.pragma('query_only = ON');
}

function afterCommit(host: WriteHost, db: Db): void {
  const archive = host.sessionArchive();
  if (archive?.database.db === db) host.committed(archive);
}

/** One IMMEDIATE transaction: the change, its audit event, then its file effects; all or nothing. */
export function transact<T>(host: WriteHost, db: Db, change: Change<T>, draft: AuditDraft | ((result: T) => AuditDraft), actor: AuditActor, frontDoor: FrontDoor): T {
  const sqlite = db.$client;
  const effects: FileEffect[] = [];
  const undo: (() => void)[] = [];
  sqlite.pragma('query_only = OFF');
  try {
    const committed = sqlite
      .transaction(() => {
        // The write lock may have been waited for while a repair put another file in this one's place.
        const archive = host.sessionArchive();
        if (archive?.database.db === db && databaseFileReplaced(archive)) throw new AppError('CONFLICT', FILE_REPLACED);
        const result = change(db, { replaceFile: (path, contents) => effects.push({ path, contents }) });
        appendAuditEvent(db, typeof draft === 'function' ? draft(result) : draft, { actor, frontDoor, at: host.env.now() });
        undo.push(...applyFileEffects(effects));
        return result;
      })
      .immediate();
    afterCommit(host, db);
    return committed;
  } catch (error) {
    for (const restore of undo.reverse()) {
      try {
        restore();
      } catch (restoreError) {
        host.log(`[dossierdesk] could not restore a file after a failed commit: ${describeUnexpected(restoreError)}`);
      }
    }
    throw error;
  } finally {
    backToReading(host, db);
  }
}

/** transact for long work: BEGIN IMMEDIATE … pauses … audit event, COMMIT – or ROLLBACK on any error. */
export async function transactInSteps<T>(
  host: WriteHost,
  db: Db,
  work: (db: Db, pause: () => Promise<void>) => Promise<T>,
  draft: (result: T) => AuditDraft,
  actor: AuditActor,
  frontDoor: FrontDoor,
  progress: () => { done: number; total: number },
): Promise<T> {
  const sqlite = db.$client;
  sqlite.pragma('query_only = OFF');
  sqlite.exec('BEGIN IMMEDIATE');
  // Other programs learn at once that the archive is held, and how far the work has got.
  const notice = new LongWrite(host.env.paths.longWrite, host.env.now());
  host.holdLongWrite(notice);
  const pause = async () => {
    notice.update(progress());
    await pauseBriefly();
  };
  try {
    notice.update(progress());
    const result = await work(db, pause);
    appendAuditEvent(db, draft(result), { actor, frontDoor, at: host.env.now() });
    sqlite.exec('COMMIT');
    afterCommit(host, db);
    return result;
  } catch (error) {
    if (sqlite.open && sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    host.holdLongWrite(null);
    notice.end();
    backToReading(host, db);
  }
}
