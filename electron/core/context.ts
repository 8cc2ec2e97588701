import type { Db } from '../../db/open';
import type { UserRecord } from '../../db/repositories/users';
import type { Channel, LockReason, SessionInfo, StagingPurpose } from '../../shared/contract';
import type { StagingArea } from './staging/staging-area';
import type { Message } from '../../shared/errors';
import type { AuditActor, AuditDraft, FrontDoor } from './audit/chain';
import type { ActiveSession, BackgroundJob } from './session';
import type { ArchivePaths } from './vault/archive-files';
import type { KdfCost } from './vault/kdf';
import type { OpenedArchive } from './vault/opened-archive';

/** Fixed facts of one core: where the archive lives and how this build works. */
export interface CoreEnv {
  readonly paths: ArchivePaths;
  readonly migrationsDir: string;
  readonly appVersion: string;
  /** Key-derivation cost for new key slots; undefined = the strong default. */
  readonly kdfCost: KdfCost | undefined;
  now(): Date;
}

/**
 * Side effects outside the database that belong to a write (the key slot file). Never the sign-in
 * state: other programs count attempts in it at any time, so it is changed only under its lock,
 * after the commit (signin-state-lock.ts).
 */
export interface WriteEffects {
  /**
   * Replaces a file as the last step of the transaction – after the audit event – and puts the
   * previous content back if the commit fails. Only a crash between the two can separate them.
   */
  replaceFile(path: string, contents: string): void;
}

export type Change<T> = (db: Db, effects: WriteEffects) => T;

export interface WriteOptions {
  /** The one condition this write is allowed despite (accepting a rollback is a write into a rolled-back archive). */
  despite?: 'ARCHIVE_ROLLED_BACK';
}

/** What a handler may use. Handlers never reach the session state or the database any other way. */
export interface HandlerContext {
  readonly env: CoreEnv;
  readonly channel: Channel;
  readonly frontDoor: FrontDoor;
  /** The signed-in session, or null (only possible in public channels). */
  readonly currentSession: ActiveSession | null;
  /** The signed-in session; UNAUTHENTICATED when the archive is locked. */
  session(): ActiveSession;
  /**
   * Where this call's files are staged: the session's area – or, before any archive exists, the
   * first run's, for a backup to restore (`purpose` given when a file is begun, else any staged
   * there). UNAUTHENTICATED otherwise.
   */
  stagedFiles(purpose?: StagingPurpose): StagingArea;
  /**
   * Runs `change` in one IMMEDIATE transaction together with the audit event that records it:
   * both are written or neither. The event is attributed to the signed-in user. This is the only
   * way to write: outside it the connection is read-only (PRAGMA query_only).
   */
  write<T>(change: Change<T>, draft: AuditDraft | ((result: T) => AuditDraft), options?: WriteOptions): T;
  /**
   * A long write (an import) in one IMMEDIATE transaction that `work` may pause between steps
   * (`pause()` lets progress and cancel requests through); nothing else touches the database
   * meanwhile. The audit event is written last, in the same transaction; any error – including a
   * cancel – rolls everything back. While it lasts, `progress` is published for other programs
   * (integrity/long-write-notice.ts).
   */
  writeInSteps<T>(work: (db: Db, pause: () => Promise<void>) => Promise<T>, draft: (result: T) => AuditDraft, progress?: () => { done: number; total: number }): Promise<T>;
  /** Records an audit event inside a transaction the caller already holds. */
  auditWithin(db: Db, draft: AuditDraft, actor: AuditActor | null, frontDoor?: FrontDoor): void;
  /** Refuses with FORBIDDEN after recording the attempt (a rule a permission alone cannot express). */
  deny(message?: Message, about?: Pick<AuditDraft, 'target' | 'summary'>): never;
  /**
   * Makes an unlocked archive the session. The sign-in event (if given) is recorded first, with
   * `settle` in the same transaction; if anything fails, the archive is closed and its key wiped.
   */
  startSession(archive: OpenedArchive, user: UserRecord, options?: { audit?: AuditDraft; settle?: Change<void> }): SessionInfo;
  /**
   * Heavy work (a PDF of hundreds of pages) done outside the core's queue, so that other calls are
   * answered meanwhile: `work` runs once this handler has returned – it may touch neither the
   * database nor the session, and should stop when `ended()` says the session is over (locked,
   * signed out) – and `finish` then runs in the queue again, with a fresh context, if the same
   * session still lasts and may still call the channel. The handler returns what this returns, and
   * writes nothing before.
   */
  outsideQueue<H, T>(work: (ended: () => boolean) => Promise<H>, finish: (ctx: HandlerContext, done: H) => T | Promise<T>): T;
  /** Goes on with `job` after this call, a step at a time between the user's calls (see BackgroundJob). */
  inBackground(job: BackgroundJob): void;
  /** Records the lock, closes the database and wipes the data key. */
  lock(reason: LockReason): void;
  readonly lastLockReason: LockReason | null;
}
