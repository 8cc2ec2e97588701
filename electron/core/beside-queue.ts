import { contract, type Channel, type LockReason } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';
import type { AuditDraft, FrontDoor } from './audit/chain';
import { IDLE_LOCKED, OPEN_BEFORE_PASSWORD_CHANGE, parseInput, requireAudited } from './call-rules';
import type { CoreEnv, HandlerContext } from './context';
import type { Handler, HandlerTable } from './handlers/types';
import type { OutsideQueue } from './outside-queue';
import { isIdle, type ActiveSession } from './session';
import { readerOf, type OpenedArchive } from './vault/opened-archive';

/**
 * Calls answered beside the queue: while this core's own import holds it, and the heavy part of a
 * call that asked to work outside it (`ctx.outsideQueue`).
 */

/** Beside an import of this core, these still wait for it: they change what the import works on (its staged file, its progress) or judge the whole archive. */
const QUEUED_DURING_IMPORT = /^(import|staging):|^archive:verify$/;
/** Calls that belong to the import under way, not to the user's own looking. */
const RUNNING_IMPORT: ReadonlySet<Channel> = new Set(['import:progress', 'import:cancel']);

/** How a call is answered: in the queue, or beside it reading memory only or the last commit. */
export function besideRoute(channel: Channel, importing: boolean): 'in-memory' | 'last-commit' | null {
  const def = contract[channel];
  if (def.unqueued === true) return 'in-memory';
  // While this core's own import holds the queue, looking and searching go on beside it.
  if (def.kind === 'query' && importing && !QUEUED_DURING_IMPORT.test(channel)) return 'last-commit';
  return null;
}

/** What of the core's runtime the calls beside the queue use. */
export interface QueueRuntime {
  readonly env: CoreEnv;
  readonly handlers: HandlerTable;
  current(): ActiveSession | null;
  lastLock(): LockReason | null;
  serial<T>(task: () => T | Promise<T>): Promise<T>;
  lockIfIdle(): void;
  refreshSession(): void;
  authorise(channel: Channel, frontDoor: FrontDoor): void;
  context(channel: Channel, frontDoor: FrontDoor, audited: { count: number }): HandlerContext;
  failure(error: unknown, channel: string): Envelope<never>;
  /** A refusal met beside the queue, recorded when the queue is free. */
  recordRefusalLater(session: ActiveSession, draft: AuditDraft, frontDoor: FrontDoor): void;
  /** Why a write is refused beside this core's own long write. */
  busy(): AppError;
}

/**
 * A query answered while a long write of this core holds the queue: an unqueued one (progress,
 * cancel, the idle lock's touch – in-memory state only), or any query while the import runs,
 * which then reads the last commit through the session's second connection and may not write.
 * A refusal is recorded once the queue is free.
 */
export async function dispatchBeside(runtime: QueueRuntime, channel: Channel, rawInput: unknown, frontDoor: FrontDoor, reads: 'in-memory' | 'last-commit'): Promise<Envelope<unknown>> {
  try {
    const def = contract[channel];
    const input = parseInput(def.input, rawInput);
    const session = runtime.current();
    if (!session) throw new AppError('UNAUTHENTICATED');
    // The user's own calls keep the session alive, or find it idle; the running import's progress and public polls do neither.
    const byUser = def.access !== 'public' && !RUNNING_IMPORT.has(channel);
    if (byUser && isIdle(session, runtime.env.now().getTime())) {
      void runtime.serial(() => runtime.lockIfIdle());
      throw new AppError('UNAUTHENTICATED', IDLE_LOCKED);
    }
    if (session.user.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(channel)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (def.access !== 'public' && def.access !== 'session' && !session.user.permissions.includes(def.access)) {
      runtime.recordRefusalLater(session, { action: 'access:denied', summary: { channel } }, frontDoor);
      throw new AppError('FORBIDDEN');
    }
    if (byUser && def.poll !== true) session.lastActivityAt = runtime.env.now().getTime();
    const ctx = runtime.context(channel, frontDoor, { count: 0 });
    const data = await (runtime.handlers[channel] as Handler<Channel>)(reads === 'last-commit' ? readingContext(runtime, ctx, session) : ctx, input as never);
    return { ok: true, data };
  } catch (error) {
    return runtime.failure(error, channel);
  }
}

/**
 * A handler's context beside this core's own import: the session's archive reads through the
 * second connection (the last commit, never the import in progress), and whatever would write –
 * or hold the queue – is refused as busy, with the import's progress.
 */
function readingContext(runtime: QueueRuntime, ctx: HandlerContext, session: ActiveSession): HandlerContext {
  // The session itself – what a handler changes in it stays – but its archive read through the reader.
  const archive: OpenedArchive = { ...session.archive, database: readerOf(session.archive) };
  const view = new Proxy(session, { get: (target, key, receiver): unknown => (key === 'archive' ? archive : Reflect.get(target, key, receiver)) });
  const busy = (): never => {
    throw runtime.busy();
  };
  return {
    ...ctx,
    currentSession: view,
    session: () => view,
    write: busy,
    writeInSteps: busy,
    outsideQueue: busy,
    startSession: busy,
    inBackground: busy,
    lock: busy,
    deny: (message, about = {}) => {
      runtime.recordRefusalLater(session, { action: 'access:denied', summary: { channel: ctx.channel, ...about.summary }, ...(about.target ? { target: about.target } : {}) }, ctx.frontDoor);
      throw new AppError('FORBIDDEN', message);
    },
  };
}

/**
 * The heavy part of a call (ctx.outsideQueue): its work with the queue free, then its finish in
 * the queue – refused if the session ended meanwhile or may no longer call the channel.
 */
export async function continueOutside(runtime: QueueRuntime, channel: Channel, frontDoor: FrontDoor, pending: OutsideQueue): Promise<Envelope<unknown>> {
  let done: unknown;
  try {
    done = await pending.work(() => runtime.current() !== pending.session);
  } catch (error) {
    return runtime.failure(error, channel);
  }
  return runtime.serial(async () => {
    try {
      if (runtime.current() !== pending.session) throw runtime.lastLock() === 'idle' ? new AppError('UNAUTHENTICATED', IDLE_LOCKED) : new AppError('UNAUTHENTICATED');
      // As at the call's start: the account may have been disabled or its rights changed meanwhile (by another program).
      runtime.refreshSession();
      runtime.authorise(channel, frontDoor);
      const audited = { count: 0 };
      const data = await pending.finish(runtime.context(channel, frontDoor, audited), done);
      requireAudited(channel, audited);
      return { ok: true, data };
    } catch (error) {
      return runtime.failure(error, channel);
    }
  });
}
