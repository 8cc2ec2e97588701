import type { Db } from '../../db/open';
import { findUserById, type UserRecord } from '../../db/repositories/users';
import { contract, isChannel, type Channel, type LockReason, type StagingPurpose } from '../../shared/contract';
import { AppError, describeUnexpected, type Envelope, type Message } from '../../shared/errors';
import { appendAuditEvent, type AuditActor, type AuditDraft, type FrontDoor } from './audit/chain';
import type { Change, CoreEnv, HandlerContext, WriteOptions } from './context';
import { internalErrorReference, toAppError, withReference } from './errors';
import { DamageWatch } from './integrity/damage-watch';
import { nameSignInDamage } from './integrity/sign-in-damage';
import { handlers as defaultHandlers } from './handlers';
import { conditionError, DISK_FULL } from './integrity/archive-condition';
import { advanceHighWaterMark, keepHighWaterMark } from './integrity/rollback-check';
import { recordSignInLater } from './services/session/sign-in';
import { busyError, longWriteElsewhere, type LongWrite } from './integrity/long-write-notice';
import { databaseFileReplaced } from './vault/opened-archive';
import { IDLE_LOCKED, OPEN_BEFORE_PASSWORD_CHANGE, parseInput, requireAudited } from './call-rules';
import { besideRoute, continueOutside, dispatchBeside, type QueueRuntime } from './beside-queue';
import type { Handler, HandlerTable } from './handlers/types';
import { readSettings } from './services/settings/settings';
import { toActor, toSessionUser } from './services/users/user-dto';
import { OutsideQueue } from './outside-queue';
import { FILE_REPLACED, transact, transactInSteps, type WriteHost } from './transactions';
import { isIdle, sessionInfo, type ActiveSession, type BackgroundJob } from './session';
import { removeLeftoverStaging } from './staging/leftover-staging';
import { settleInterruptedRestore } from './backup/put-in-place';
import { removeLeftoverReadOnlyCopies } from '../../db/read-only-copy';
import { StagingArea } from './staging/staging-area';
import { newSession } from './new-session';
import { runInBackground, type BackgroundHost } from './background-jobs';
import { archivePaths, archiveState } from './vault/archive-files';
import type { KdfCost } from './vault/kdf';
import { closeArchive, type OpenedArchive } from './vault/opened-archive';
import { retireScanImageThreads } from './attachments/scan-image-pool';
import { retireSealThreads } from './attachments/seal-pool';
import { retirePrintThreads } from './pdf/print-pool';
import { dropKeptOriginals } from './services/scans/kept-originals';
import { stopScanInbox } from './inbox/inbox-registry';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  /** Cost of new key slots; tests lower it, products keep the default. */
  kdfCost?: KdfCost;
  now?: () => Date;
  /** How often the idle lock is checked in the background (ms); 0 = only on each call. */
  idleCheckIntervalMs?: number;
  /** Where unexpected errors are reported (never with passwords or keys). */
  log?: (message: string) => void;
  /** For tests of the wrapper itself; products use the one handler table. */
  handlers?: HandlerTable;
  /**
   * The page check: after a sign-in in the window every page once, in a thread of its own (at
   * most once a day per core); on the command line the next few tables at each sign-in. Default
   * on; tests turn it off unless they test it.
   */
  pageCheck?: boolean;
}

/** The core behind every front door: one handler table, one wrapper, one session. */
export interface Core {
  readonly dataDir: string;
  invoke(channel: string, input: unknown, frontDoor: FrontDoor): Promise<Envelope<unknown>>;
  /** Ends a session as the program quits; recorded in the audit trail like a lock. */
  shutdown(): Promise<void>;
  /** Drops the session without recording it (a CLI command has finished). */
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const env: CoreEnv = {
    paths: archivePaths(options.dataDir),
    migrationsDir: options.migrationsDir,
    appVersion: options.appVersion,
    kdfCost: options.kdfCost,
    now: options.now ?? (() => new Date()),
  };
  const log = options.log ?? ((m) => console.error(m));
  try {
    removeLeftoverStaging(env.paths.staging);
    removeLeftoverReadOnlyCopies();
    settleInterruptedRestore(env.paths.dataDir);
  } catch (error) {
    log(`[dossierdesk] leftover staged files or an interrupted restore could not be removed: ${describeUnexpected(error)}`);
  }
  const runtime = new CoreRuntime(env, options.handlers ?? defaultHandlers, log, options.pageCheck ?? true);
  const interval = options.idleCheckIntervalMs ?? 30_000;
  const timer = interval > 0 ? setInterval(() => void runtime.serial(() => runtime.lockIfIdle()), interval) : undefined;
  timer?.unref();
  return {
    dataDir: options.dataDir,
    invoke: (channel, input, frontDoor) => {
      const beside = isChannel(channel) ? besideRoute(channel, runtime.importing()) : null;
      if (beside) return dispatchBeside(runtime, channel as Channel, input, frontDoor, beside);
      return runtime.serial(() => runtime.dispatch(channel, input, frontDoor)).then((envelope) => (envelope.ok && envelope.data instanceof OutsideQueue ? continueOutside(runtime, channel as Channel, frontDoor, envelope.data) : envelope));
    },
    shutdown: () => {
      // Quitting cancels an import under way (all of it is rolled back and the cancel recorded)
      // rather than waiting behind it.
      runtime.cancelImports();
      return runtime.serial(async () => {
        await runtime.keepPendingSignIn();
        runtime.lock('exit');
        await runtime.sealingsEnded();
      }).finally(() => clearInterval(timer));
    },
    close: () => runtime.serial(async () => {
      await runtime.keepPendingSignIn();
      runtime.dropSession();
      await runtime.sealingsEnded();
    }).finally(() => clearInterval(timer)),
  };
}

class CoreRuntime implements QueueRuntime {
  private session: ActiveSession | null = null;
  private sessionFrontDoor: FrontDoor = 'ui';
  private lastLockReason: LockReason | null = null;
  /** Files staged before any archive exists: a backup to restore on the first run (see stagedFiles). */
  private firstRunStaging: StagingArea | null = null;
  /** The session ended because the account was disabled: the next refused call says so. */
  private disabledAccount = false;
  private tail: Promise<unknown> = Promise.resolve();
  /** This core's own long write while it lasts (its notice is not a reason for this core to wait). */
  private ownLongWrite: LongWrite | null = null;

  /** Ended sessions' scans sealed ahead, being let go (SealAhead.close): closing the core waits for them. */
  private readonly sealingsEnding = new Set<Promise<void>>();
  private readonly damage: DamageWatch;
  private readonly writeHost: WriteHost;
  private readonly backgroundHost: BackgroundHost;
  /** The database as it stood when the session's user and settings were last read. */
  private refreshed: { session: ActiveSession; mark: string } | null = null;

  constructor(
    readonly env: CoreEnv,
    readonly handlers: HandlerTable,
    private readonly log: (message: string) => void,
    pageCheck: boolean,
  ) {
    this.damage = new DamageWatch(env.paths, () => env.now(), log, pageCheck);
    this.writeHost = {
      env,
      log,
      sessionArchive: () => this.session?.archive ?? null,
      committed: (archive) => this.advanceMark(archive),
      holdLongWrite: (notice) => (this.ownLongWrite = notice),
    };
    this.backgroundHost = {
      serial: (task) => this.serial(task),
      mayStep: (session) => this.session === session && !this.writeRefusal(session),
      committed: (archive) => this.advanceMark(archive),
      frontDoor: () => this.sessionFrontDoor,
      now: () => env.now(),
      log,
    };
  }

  /** Calls run one after another: sign-in, lock and writes never interleave. */
  serial<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** validate → resolve the session → authorise → run → (audited in the handler's transaction) → envelope */
  async dispatch(channel: string, rawInput: unknown, frontDoor: FrontDoor): Promise<Envelope<unknown>> {
    try {
      if (!isChannel(channel)) {
        throw new AppError('NOT_FOUND', { zh: `未知的操作：${channel}`, en: `Unknown channel: ${channel}` });
      }
      const def = contract[channel];
      const input = parseInput(def.input, rawInput);
      this.lockIfIdle();
      this.refreshSession();
      this.authorise(channel, frontDoor);
      const audited = { count: 0 };
      const ctx = this.context(channel, frontDoor, audited);
      const data = await (this.handlers[channel] as Handler<Channel>)(ctx, input as never);
      // Heavy work goes on outside the queue; its audit comes with its finish (continueOutside).
      if (data instanceof OutsideQueue) return { ok: true, data };
      requireAudited(channel, audited);
      return { ok: true, data };
    } catch (error) {
      return this.failure(error, channel);
    }
  }

  /**
   * The session's archive may be written – or the reason it may not, as an error. Damage another
   * program met since this session began counts too.
   */
  private writeRefusal(session: ActiveSession, options: WriteOptions = {}): AppError | null {
    if (databaseFileReplaced(session.archive)) return new AppError('CONFLICT', FILE_REPLACED);
    this.damage.takeUp(session);
    const condition = session.condition;
    if (condition && condition.code !== options.despite) return conditionError(condition);
    const elsewhere = longWriteElsewhere(this.env.paths.longWrite, this.ownLongWrite);
    return elsewhere ? busyError(elsewhere) : null;
  }

  /**
   * A session about to end whose sign-in is still unrecorded because another program holds the
   * archive: the sign-in is sealed into the sign-in state, for the next sign-in to record.
   */
  async keepPendingSignIn(session = this.session): Promise<void> {
    const pending = session?.pendingSignIn;
    if (!session || !pending || !this.writeRefusal(session)) return;
    try {
      await recordSignInLater(this.env.paths.signinState, { at: pending.at, login: session.record.login, frontDoor: pending.frontDoor });
      session.pendingSignIn = null;
    } catch (error) {
      this.log(`[dossierdesk] the sign-in could not be kept for later: ${describeUnexpected(error)}`);
    }
  }

  /** Records a sign-in that could not be recorded when it happened (another program held the archive). */
  private recordPendingSignIn(session: ActiveSession): void {
    const pending = session.pendingSignIn;
    if (!pending) return;
    const late = pending.at.getTime() !== this.env.now().getTime();
    const audit: AuditDraft = late ? { ...pending.audit, summary: { ...pending.audit.summary, signedInAt: pending.at.toISOString() } } : pending.audit;
    transact(this.writeHost, session.archive.database.db, (db, effects) => {
      keepHighWaterMark(db);
      pending.settle?.(db, effects);
    }, audit, toActor(session.record), pending.frontDoor);
    session.pendingSignIn = null;
    this.advanceMark(session.archive);
  }

  /** After a commit: the high-water mark follows the database (a failure only weakens the rollback check). */
  private advanceMark(archive: OpenedArchive): void {
    try {
      advanceHighWaterMark(archive);
    } catch (error) {
      this.log(`[dossierdesk] the high-water mark could not be advanced: ${describeUnexpected(error)}`);
    }
  }

  cancelImports(): void {
    for (const staged of this.session?.stagedImports.values() ?? []) staged.cancelRequested = true;
  }

  /** Whether this core's own long write (an import) holds the queue. */
  importing(): boolean {
    return this.ownLongWrite !== null;
  }

  /** A refusal met beside the queue is recorded when the queue is free – if the session still lasts and may write. */
  recordRefusalLater(session: ActiveSession, draft: AuditDraft, frontDoor: FrontDoor): void {
    const actor = toActor(session.record);
    void this.serial(() => {
      if (this.session === session && !this.writeRefusal(session)) transact(this.writeHost, session.archive.database.db, () => undefined, draft, actor, frontDoor);
    }).catch((error: unknown) => this.log(`[dossierdesk] recording a refusal failed: ${describeUnexpected(error)}`));
  }

  /** A failure as the caller sees it: damage named as such; an unexpected one logged under a reference the user is shown. */
  failure(error: unknown, channel: string): Envelope<never> {
    const appError = this.damage.noticed(error, channel, this.session) ?? toAppError(error);
    if (appError.code !== 'INTERNAL') return { ok: false, error: appError.toPayload() };
    const reference = internalErrorReference(this.env.now());
    this.log(`[dossierdesk] ${reference} ${channel}: ${describeUnexpected(error)}`);
    return { ok: false, error: withReference(appError, reference).toPayload() };
  }

  lockIfIdle(): void {
    if (this.session && isIdle(this.session, this.env.now().getTime())) this.lock('idle');
  }

  /** Records the lock, then closes the database and wipes the data key – even if recording fails. */
  lock(reason: LockReason): void {
    const session = this.session;
    if (!session) return;
    try {
      this.settlePendingSignInAtEnd(session);
      if (!this.writeRefusal(session)) transact(this.writeHost, session.archive.database.db, () => undefined, { action: 'session:lock', summary: { reason } }, toActor(session.record), this.sessionFrontDoor);
    } catch (error) {
      this.log(`[dossierdesk] recording the lock failed: ${describeUnexpected(error)}`);
    } finally {
      this.session = null;
      this.lastLockReason = reason;
      this.endSession(session);
    }
  }

  /** What ended sessions left to their seal threads is done, and their temporary files removed. */
  async sealingsEnded(): Promise<void> {
    await Promise.all(this.sealingsEnding);
  }

  dropSession(): void {
    const session = this.session;
    this.session = null;
    if (!session) return;
    try {
      this.settlePendingSignInAtEnd(session);
    } finally {
      this.endSession(session);
    }
  }

  /**
   * A session ends with its sign-in still unrecorded: recorded now if the archive can be written,
   * else sealed for the next sign-in (this needs no key, so it may finish after the key is wiped).
   */
  private settlePendingSignInAtEnd(session: ActiveSession): void {
    if (!session.pendingSignIn) return;
    try {
      if (this.writeRefusal(session)) void this.keepPendingSignIn(session);
      else this.recordPendingSignIn(session);
    } catch (error) {
      this.log(`[dossierdesk] recording the sign-in failed: ${describeUnexpected(error)}`);
    }
  }

  /** Wipes the session's staged files, lets the scan image threads go and closes the archive, wiping its key. */
  private endSession(session: ActiveSession): void {
    this.damage.stop();
    retireScanImageThreads();
    retireSealThreads();
    retirePrintThreads();
    dropKeptOriginals(session);
    stopScanInbox(session);
    const sealing = session.sealAhead.close();
    this.sealingsEnding.add(sealing);
    void sealing.then(() => this.sealingsEnding.delete(sealing));
    try {
      session.stagedFiles.wipe();
    } catch (error) {
      // Their keys are gone already: what is left cannot be read, and goes at the next start.
      this.log(`[dossierdesk] staged files could not all be deleted: ${describeUnexpected(error)}`);
    }
    closeArchive(session.archive);
  }

  /**
   * The signed-in user as the database says now: a disabled account ends the session, a changed
   * role, clearance or separation setting applies to this very call.
   */
  refreshSession(): void {
    const session = this.session;
    if (!session) return;
    // Nothing committed since the last look – by another program (data_version) or this one (total_changes): the user and settings stand.
    const mark = databaseMark(session.archive);
    if (this.refreshed?.session === session && this.refreshed.mark === mark) return;
    const db = session.archive.database.db;
    const record = findUserById(db, session.record.id);
    if (!record || record.status !== 'active') {
      this.dropSession();
      this.lastLockReason = null;
      this.disabledAccount = true;
      return;
    }
    session.record = record;
    session.settings = readSettings(db);
    session.user = toSessionUser(record, session.settings.threeRoleSeparation);
    this.refreshed = { session, mark };
  }

  /** A session, the password changed if it must be, and the channel's permission. */
  authorise(channel: Channel, frontDoor: FrontDoor): void {
    const access = contract[channel].access;
    if (access === 'public') return;
    const session = this.session;
    if (!session) {
      if (this.disabledAccount) {
        this.disabledAccount = false;
        throw new AppError('UNAUTHENTICATED', { zh: '账户已停用', en: 'The account has been disabled' });
      }
      throw this.lastLockReason === 'idle' ? new AppError('UNAUTHENTICATED', IDLE_LOCKED) : new AppError('UNAUTHENTICATED');
    }
    if (contract[channel].poll !== true) session.lastActivityAt = this.env.now().getTime();
    if (session.user.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(channel)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access === 'session' || session.user.permissions.includes(access)) return;
    // While nothing can be written, a refusal is still a refusal; it just cannot be recorded.
    if (!this.writeRefusal(session)) transact(this.writeHost, session.archive.database.db, () => undefined, { action: 'access:denied', summary: { channel } }, toActor(session.record), frontDoor);
    throw new AppError('FORBIDDEN');
  }

  current(): ActiveSession | null {
    return this.session;
  }

  lastLock(): LockReason | null {
    return this.lastLockReason;
  }

  busy(): AppError {
    return this.ownLongWrite ? busyError(this.ownLongWrite.current(), 'here') : new AppError('ARCHIVE_BUSY');
  }

  context(channel: Channel, frontDoor: FrontDoor, audited: { count: number }): HandlerContext {
    const requireSession = (): ActiveSession => {
      if (!this.session) throw new AppError('UNAUTHENTICATED');
      return this.session;
    };
    return {
      env: this.env,
      channel,
      frontDoor,
      currentSession: this.session,
      lastLockReason: this.lastLockReason,
      session: requireSession,
      stagedFiles: (purpose?: StagingPurpose): StagingArea => {
        if (this.session) return this.session.stagedFiles;
        const firstRun = archiveState(this.env.paths) === 'missing';
        if (firstRun && purpose === 'restore') return (this.firstRunStaging ??= new StagingArea(this.env.paths.staging, () => this.env.now().getTime()));
        if (purpose === 'restore') throw new AppError('CONFLICT', { zh: '数据文件夹中已有档案库：备份只能恢复到空的数据文件夹', en: 'The data folder already holds an archive: a backup is restored only into an empty data folder' });
        if (firstRun && purpose === undefined && this.firstRunStaging) return this.firstRunStaging;
        throw new AppError('UNAUTHENTICATED');
      },
      write: <T>(change: Change<T>, draft: AuditDraft | ((result: T) => AuditDraft), options?: WriteOptions): T => {
        const session = requireSession();
        const refusal = this.writeRefusal(session, options);
        if (refusal) throw refusal;
        this.recordPendingSignIn(session);
        audited.count += 1;
        return transact(this.writeHost, session.archive.database.db, change, draft, toActor(session.record), frontDoor);
      },
      outsideQueue: <H, T>(work: (ended: () => boolean) => Promise<H>, finish: (ctx: HandlerContext, done: H) => T | Promise<T>): T => new OutsideQueue(requireSession(), work, finish) as unknown as T,
      inBackground: (job: BackgroundJob) => {
        const session = requireSession();
        session.background = job;
        runInBackground(this.backgroundHost, session, job);
      },
      writeInSteps: <T>(work: (db: Db, pause: () => Promise<void>) => Promise<T>, draft: (result: T) => AuditDraft, progress?: () => { done: number; total: number }): Promise<T> => {
        const session = requireSession();
        const refusal = this.writeRefusal(session);
        if (refusal) throw refusal;
        this.recordPendingSignIn(session);
        audited.count += 1;
        return transactInSteps(this.writeHost, session.archive.database.db, work, draft, toActor(session.record), frontDoor, progress ?? (() => ({ done: 0, total: 0 })));
      },
      auditWithin: (db: Db, draft: AuditDraft, actor: AuditActor | null, eventFrontDoor?: FrontDoor) => {
        audited.count += 1;
        appendAuditEvent(db, draft, { actor, frontDoor: eventFrontDoor ?? frontDoor, at: this.env.now() });
      },
      deny: (message?: Message, about: Pick<AuditDraft, 'target' | 'summary'> = {}): never => {
        const session = requireSession();
        audited.count += 1;
        const draft: AuditDraft = { action: 'access:denied', summary: { channel, ...about.summary }, ...(about.target ? { target: about.target } : {}) };
        if (!this.writeRefusal(session)) transact(this.writeHost, session.archive.database.db, () => undefined, draft, toActor(session.record), frontDoor);
        throw new AppError('FORBIDDEN', message);
      },
      startSession: (archive: OpenedArchive, record: UserRecord, options = {}) => {
        try {
          this.dropSession();
          // What was staged before the archive existed (the backup it was restored from) is gone with the first run.
          this.firstRunStaging?.wipe();
          this.firstRunStaging = null;
          const session = newSession(this.env, archive, record);
          // An archive that may not be written is opened for reading only: the sign-in is not
          // recorded (that would be a write), and every write says why it is refused. While
          // another program holds the archive (an import), the sign-in is recorded at this
          // session's first write or at its end, so reading never waits for the import.
          if (options.audit) audited.count += 1;
          if (options.audit && !session.condition) {
            session.pendingSignIn = { audit: options.audit, ...(options.settle ? { settle: options.settle } : {}), frontDoor, at: this.env.now() };
            try {
              if (!longWriteElsewhere(this.env.paths.longWrite, this.ownLongWrite)) this.recordPendingSignIn(session);
            } catch (error) {
              // A full disk still lets the user look: the session is for reading until space is freed.
              if (toAppError(error).code !== 'DISK_FULL') throw error;
              session.pendingSignIn = null;
              session.condition = { code: 'DISK_FULL', message: DISK_FULL };
            }
          }
          archive.database.sqlite.pragma('query_only = ON');
          this.session = session;
          this.sessionFrontDoor = frontDoor;
          this.lastLockReason = null;
          this.disabledAccount = false;
          this.damage.afterSignIn(session, frontDoor, () => this.session === session);
          return sessionInfo(session);
        } catch (error) {
          const named = nameSignInDamage(error, archive.database.sqlite);
          closeArchive(archive);
          throw named ?? error;
        }
      },
      lock: (reason: LockReason) => {
        audited.count += 1;
        this.lock(reason);
      },
    };
  }
}

/** Changes whenever anything is committed to the archive – by another connection or by this one. */
function databaseMark(archive: OpenedArchive): string {
  const sqlite = archive.database.sqlite;
  return `${String(sqlite.pragma('data_version', { simple: true }))}:${String(sqlite.prepare('SELECT total_changes()').pluck().get())}`;
}
