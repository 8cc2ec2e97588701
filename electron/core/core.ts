import type { z } from 'zod';
import type { Db } from '../../db/open';
import { findUserById, type UserRecord } from '../../db/repositories/users';
import { contract, isChannel, type Access, type Channel, type LockReason } from '../../shared/contract';
import { AppError, describeUnexpected, type Envelope, type Message } from '../../shared/errors';
import { describeIssues } from '../../shared/validation';
import { appendAuditEvent, type AuditActor, type AuditDraft, type FrontDoor } from './audit/chain';
import type { Change, CoreEnv, HandlerContext } from './context';
import { toAppError } from './errors';
import { applyFileEffects, type FileEffect } from './fs/file-effects';
import { handlers as defaultHandlers } from './handlers';
import type { Handler, HandlerTable } from './handlers/types';
import { readSettings } from './services/settings/settings';
import { toActor, toSessionUser } from './services/users/user-dto';
import { isIdle, sessionInfo, type ActiveSession, type BackgroundJob } from './session';
import { removeLeftoverStaging } from './staging/leftover-staging';
import { StagingArea } from './staging/staging-area';
import { archivePaths } from './vault/archive-files';
import type { KdfCost } from './vault/kdf';
import { closeArchive, type OpenedArchive } from './vault/opened-archive';

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

/** While the password must be changed, only these channels are open. */
const OPEN_BEFORE_PASSWORD_CHANGE: ReadonlySet<Channel> = new Set(['session:change-password', 'session:lock', 'session:touch', 'settings:get']);

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
  } catch (error) {
    log(`[dossierdesk] leftover staged files could not be removed: ${describeUnexpected(error)}`);
  }
  const runtime = new CoreRuntime(env, options.handlers ?? defaultHandlers, log);
  const interval = options.idleCheckIntervalMs ?? 30_000;
  const timer = interval > 0 ? setInterval(() => void runtime.serial(() => runtime.lockIfIdle()), interval) : undefined;
  timer?.unref();
  return {
    dataDir: options.dataDir,
    invoke: (channel, input, frontDoor) =>
      isChannel(channel) && contract[channel].unqueued === true ? runtime.dispatchBeside(channel, input, frontDoor) : runtime.serial(() => runtime.dispatch(channel, input, frontDoor)),
    shutdown: () => runtime.serial(() => runtime.lock('exit')).finally(() => clearInterval(timer)),
    close: () => runtime.serial(() => runtime.dropSession()).finally(() => clearInterval(timer)),
  };
}

class CoreRuntime {
  private session: ActiveSession | null = null;
  private sessionFrontDoor: FrontDoor = 'ui';
  private lastLockReason: LockReason | null = null;
  /** The session ended because the account was disabled: the next refused call says so. */
  private disabledAccount = false;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly env: CoreEnv,
    private readonly handlers: HandlerTable,
    private readonly log: (message: string) => void,
  ) {}

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
      if (def.access !== 'public') this.authorise(channel, def.access, frontDoor);
      const audited = { count: 0 };
      const ctx = this.context(channel, frontDoor, audited);
      const data = await (this.handlers[channel] as Handler<Channel>)(ctx, input as never);
      if (def.kind === 'mutation' && audited.count === 0) {
        throw new AppError('INTERNAL', { zh: `操作 ${channel} 未写入审计记录`, en: `${channel} changed data without an audit event` });
      }
      return { ok: true, data };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL') this.log(`[dossierdesk] ${channel}: ${describeUnexpected(error)}`);
      return { ok: false, error: appError.toPayload() };
    }
  }

  /**
   * An unqueued query (import progress, cancel): answered while a long write holds the queue.
   * It reads only in-memory state; a refusal is recorded once the queue is free.
   */
  async dispatchBeside(channel: Channel, rawInput: unknown, frontDoor: FrontDoor): Promise<Envelope<unknown>> {
    try {
      const def = contract[channel];
      const input = parseInput(def.input, rawInput);
      const session = this.session;
      if (!session) throw new AppError('UNAUTHENTICATED');
      if (def.access !== 'public' && def.access !== 'session' && !session.user.permissions.includes(def.access)) {
        const actor = toActor(session.record);
        void this.serial(() => {
          if (this.session === session) this.transact(session.archive.database.db, () => undefined, { action: 'access:denied', summary: { channel } }, actor, frontDoor);
        }).catch((error: unknown) => this.log(`[dossierdesk] recording a refusal failed: ${describeUnexpected(error)}`));
        throw new AppError('FORBIDDEN');
      }
      session.lastActivityAt = this.env.now().getTime();
      const data = await (this.handlers[channel] as Handler<Channel>)(this.context(channel, frontDoor, { count: 0 }), input as never);
      return { ok: true, data };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL') this.log(`[dossierdesk] ${channel}: ${describeUnexpected(error)}`);
      return { ok: false, error: appError.toPayload() };
    }
  }

  lockIfIdle(): void {
    if (this.session && isIdle(this.session, this.env.now().getTime())) this.lock('idle');
  }

  /** Records the lock, then closes the database and wipes the data key – even if recording fails. */
  lock(reason: LockReason): void {
    const session = this.session;
    if (!session) return;
    try {
      this.transact(session.archive.database.db, () => undefined, { action: 'session:lock', summary: { reason } }, toActor(session.record), this.sessionFrontDoor);
    } catch (error) {
      this.log(`[dossierdesk] recording the lock failed: ${describeUnexpected(error)}`);
    } finally {
      this.session = null;
      this.lastLockReason = reason;
      this.endSession(session);
    }
  }

  dropSession(): void {
    const session = this.session;
    this.session = null;
    if (session) this.endSession(session);
  }

  /** Wipes the session's staged files and closes the archive, wiping its key. */
  private endSession(session: ActiveSession): void {
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
  private refreshSession(): void {
    const session = this.session;
    if (!session) return;
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
  }

  /** A session, the password changed if it must be, and the channel's permission. */
  private authorise(channel: Channel, access: Exclude<Access, 'public'>, frontDoor: FrontDoor): void {
    const session = this.session;
    if (!session) {
      if (this.disabledAccount) {
        this.disabledAccount = false;
        throw new AppError('UNAUTHENTICATED', { zh: '账户已停用', en: 'The account has been disabled' });
      }
      throw this.lastLockReason === 'idle'
        ? new AppError('UNAUTHENTICATED', { zh: '因长时间未操作，档案库已自动锁定，请重新登录', en: 'The archive locked itself after a period of inactivity; please sign in again' })
        : new AppError('UNAUTHENTICATED');
    }
    session.lastActivityAt = this.env.now().getTime();
    if (session.user.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(channel)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access === 'session' || session.user.permissions.includes(access)) return;
    this.transact(session.archive.database.db, () => undefined, { action: 'access:denied', summary: { channel } }, toActor(session.record), frontDoor);
    throw new AppError('FORBIDDEN');
  }

  private context(channel: Channel, frontDoor: FrontDoor, audited: { count: number }): HandlerContext {
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
      write: <T>(change: Change<T>, draft: AuditDraft | ((result: T) => AuditDraft)): T => {
        const session = requireSession();
        audited.count += 1;
        return this.transact(session.archive.database.db, change, draft, toActor(session.record), frontDoor);
      },
      inBackground: (job: BackgroundJob) => {
        const session = requireSession();
        session.background = job;
        this.runInBackground(session, job);
      },
      writeInSteps: <T>(work: (db: Db, pause: () => Promise<void>) => Promise<T>, draft: (result: T) => AuditDraft): Promise<T> => {
        const session = requireSession();
        audited.count += 1;
        return this.transactInSteps(session.archive.database.db, work, draft, toActor(session.record), frontDoor);
      },
      auditWithin: (db: Db, draft: AuditDraft, actor: AuditActor | null, eventFrontDoor?: FrontDoor) => {
        audited.count += 1;
        appendAuditEvent(db, draft, { actor, frontDoor: eventFrontDoor ?? frontDoor, at: this.env.now() });
      },
      deny: (message?: Message, about: Pick<AuditDraft, 'target' | 'summary'> = {}): never => {
        const session = requireSession();
        audited.count += 1;
        const draft: AuditDraft = { action: 'access:denied', summary: { channel, ...about.summary }, ...(about.target ? { target: about.target } : {}) };
        this.transact(session.archive.database.db, () => undefined, draft, toActor(session.record), frontDoor);
        throw new AppError('FORBIDDEN', message);
      },
      startSession: (archive: OpenedArchive, record: UserRecord, options = {}) => {
        try {
          this.dropSession();
          const settings = readSettings(archive.database.db);
          const session: ActiveSession = {
            archive,
            record,
            settings,
            user: toSessionUser(record, settings.threeRoleSeparation),
            idleLockMinutes: settings.idleLockMinutes,
            lastActivityAt: this.env.now().getTime(),
            stagedImports: new Map(),
            stagedFiles: new StagingArea(this.env.paths.staging, () => this.env.now().getTime()),
            background: null,
          };
          if (options.audit) {
            audited.count += 1;
            this.transact(archive.database.db, options.settle ?? (() => undefined), options.audit, toActor(record), frontDoor);
          }
          archive.database.sqlite.pragma('query_only = ON');
          this.session = session;
          this.sessionFrontDoor = frontDoor;
          this.lastLockReason = null;
          this.disabledAccount = false;
          return sessionInfo(session);
        } catch (error) {
          closeArchive(archive);
          throw error;
        }
      },
      lock: (reason: LockReason) => {
        audited.count += 1;
        this.lock(reason);
      },
    };
  }

  /** transact for long work: BEGIN IMMEDIATE … pauses … audit event, COMMIT – or ROLLBACK on any error. */
  private async transactInSteps<T>(db: Db, work: (db: Db, pause: () => Promise<void>) => Promise<T>, draft: (result: T) => AuditDraft, actor: AuditActor, frontDoor: FrontDoor): Promise<T> {
    const sqlite = db.$client;
    sqlite.pragma('query_only = OFF');
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(db, pauseBriefly);
      appendAuditEvent(db, draft(result), { actor, frontDoor, at: this.env.now() });
      sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      if (sqlite.open && sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    } finally {
      if (sqlite.open && this.session?.archive.database.sqlite === sqlite) sqlite.pragma('query_only = ON');
    }
  }

  /**
   * The job's steps, each queued behind the calls that came in meanwhile and run in its own
   * transaction. A step that fails ends the job (it begins again at the next sign-in); a lock
   * or another session ends it too.
   */
  private runInBackground(session: ActiveSession, job: BackgroundJob): void {
    const tick = () => {
      this.serial(() => {
        if (this.session !== session || job.finished) return false;
        const sqlite = session.archive.database.sqlite;
        sqlite.pragma('query_only = OFF');
        try {
          sqlite
            .transaction(() => {
              job.step(session.archive.database.db);
              if (job.finished) appendAuditEvent(session.archive.database.db, job.audit, { actor: null, frontDoor: this.sessionFrontDoor, at: this.env.now() });
            })
            .immediate();
        } finally {
          if (sqlite.open) sqlite.pragma('query_only = ON');
        }
        return !job.finished;
      }).then(
        (more) => {
          if (more) setImmediate(tick);
          else if (session.background === job) session.background = null;
        },
        (error: unknown) => {
          if (session.background === job) session.background = null;
          this.log(`[dossierdesk] background ${job.kind} stopped: ${describeUnexpected(error)}`);
        },
      );
    };
    setImmediate(tick);
  }

  /** One IMMEDIATE transaction: the change, its audit event, then its file effects; all or nothing. */
  private transact<T>(db: Db, change: Change<T>, draft: AuditDraft | ((result: T) => AuditDraft), actor: AuditActor, frontDoor: FrontDoor): T {
    const sqlite = db.$client;
    const effects: FileEffect[] = [];
    const undo: (() => void)[] = [];
    sqlite.pragma('query_only = OFF');
    try {
      return sqlite
        .transaction(() => {
          const result = change(db, { replaceFile: (path, contents) => effects.push({ path, contents }) });
          appendAuditEvent(db, typeof draft === 'function' ? draft(result) : draft, { actor, frontDoor, at: this.env.now() });
          undo.push(...applyFileEffects(effects));
          return result;
        })
        .immediate();
    } catch (error) {
      for (const restore of undo.reverse()) {
        try {
          restore();
        } catch (restoreError) {
          this.log(`[dossierdesk] could not restore a file after a failed commit: ${describeUnexpected(restoreError)}`);
        }
      }
      throw error;
    } finally {
      if (sqlite.open && this.session?.archive.database.sqlite === sqlite) sqlite.pragma('query_only = ON');
    }
  }
}

function pauseBriefly(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function parseInput(schema: z.ZodType, raw: unknown): unknown {
  const parsed = schema.safeParse(raw ?? {}, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error);
  throw new AppError(
    'VALIDATION',
    {
      zh: `输入无效：${issues.map((i) => `${i.path ? `${i.path} ` : ''}${i.message}`).join('；')}`,
      en: `Invalid input: ${issues.map((i) => `${i.path ? `${i.path} ` : ''}${i.messageEn}`).join('; ')}`,
    },
    { issues },
  );
}

