import type { Worker } from 'node:worker_threads';
import { AppError, isErrorCode, type ErrorPayload } from '../../../shared/errors';

/** What a pool's thread answers: its result, or why there is none – a refusal meant for the user keeps its code and words. */
export type ThreadReply<R> = ({ ok: true } & R) | { ok: false; reason: string; refusal?: ErrorPayload };

/** A thread's answer when its job failed: an AppError travels whole (its code and both languages), anything else as its message. */
export function failedReply(error: unknown): { ok: false; reason: string; refusal?: ErrorPayload } {
  const reason = error instanceof Error ? error.message : String(error);
  return error instanceof AppError ? { ok: false, reason, refusal: error.toPayload() } : { ok: false, reason };
}

interface Pending<J, R> {
  job: J & { id: number };
  transfer: ArrayBuffer[];
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface Thread<J, R> {
  worker: Worker;
  pending: Pending<J, R> | null;
  idleTimer: NodeJS.Timeout | null;
  jobTimer: NodeJS.Timeout | null;
  /** Ended once its job is done (the session that wanted it has ended). */
  retiring: boolean;
}

export interface ThreadPoolOptions {
  /** Starts a thread (throws when its entry is missing: every job waiting fails with that reason). */
  spawn: () => Worker;
  maxThreads: number;
  /** A thread without work ends after this long. */
  idleMs: number;
  /** A job still running after this long is given up: its thread is ended (a decoder that hangs holds nothing up for good). */
  jobTimeoutMs: number;
  /** The error a job fails with when its thread refused it or died. */
  failure: (reason: string) => Error;
}

/**
 * Threads of the core that each do one job at a time, shared by everything in this process:
 * started when a job comes, ended when idle – or when a session ends (`retire`). An idle thread
 * does not keep the process alive (a command-line call ends when its work is done). The same code
 * runs under Electron, the browser preview's core process and the CLI.
 */
export class ThreadPool<J, R> {
  private readonly threads: Thread<J, R>[] = [];
  private readonly queue: Pending<J, R>[] = [];
  private nextId = 1;

  constructor(private readonly options: ThreadPoolOptions) {}

  /** Runs a job on a thread; the buffers in `transfer` are handed over, not copied: the caller must not use them afterwards. */
  run(job: J, transfer: ArrayBuffer[] = []): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts the threads not running yet, idle, ahead of jobs expected soon (loading a thread's code
   * then overlaps other work); like any idle thread they end after `idleMs`. A thread that cannot
   * start is left to the first job, which fails with the reason.
   */
  warm(): void {
    while (this.threads.length < this.options.maxThreads && this.queue.length === 0) {
      const thread = this.start();
      if (!thread) return;
      this.idle(thread);
    }
  }

  /**
   * Ends the idle threads now and the busy ones once their job is done (a session ended; they start
   * again when needed). Jobs still waiting belonged to the session: they are not done.
   */
  retire(): void {
    for (const pending of this.queue.splice(0)) pending.reject(new AppError('UNAUTHENTICATED'));
    for (const thread of [...this.threads]) {
      if (thread.pending) thread.retiring = true;
      else this.end(thread);
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.threads.find((t) => t.pending === null && !t.retiring) ?? (this.threads.length < this.options.maxThreads ? this.start() : null);
      if (!thread) return;
      const next = this.queue.shift();
      if (next) this.give(thread, next);
    }
  }

  private start(): Thread<J, R> | null {
    let worker: Worker;
    try {
      worker = this.options.spawn();
    } catch (error) {
      for (const pending of this.queue.splice(0)) pending.reject(error);
      return null;
    }
    const thread: Thread<J, R> = { worker, pending: null, idleTimer: null, jobTimer: null, retiring: false };
    this.threads.push(thread);
    worker.on('message', (reply: ThreadReply<R> & { id: number }) => this.settle(thread, reply));
    worker.on('error', (error) => {
      this.remove(thread);
      this.fail(thread, this.options.failure(error.message));
    });
    worker.on('exit', (code) => {
      this.remove(thread);
      this.fail(thread, this.options.failure(`the thread exited (${code})`));
      this.dispatch();
    });
    return thread;
  }

  private give(thread: Thread<J, R>, pending: Pending<J, R>): void {
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    thread.idleTimer = null;
    try {
      thread.worker.postMessage(pending.job, pending.transfer);
    } catch (error) {
      // Not handed over (a buffer given away before, say): this job fails, the thread stays free for the next.
      pending.reject(error);
      this.idle(thread);
      return;
    }
    thread.pending = pending;
    thread.worker.ref();
    thread.jobTimer = setTimeout(() => {
      this.remove(thread);
      this.fail(thread, this.options.failure(`no answer within ${this.options.jobTimeoutMs / 1000} s`));
      void thread.worker.terminate();
      this.dispatch();
    }, this.options.jobTimeoutMs);
  }

  private settle(thread: Thread<J, R>, reply: ThreadReply<R> & { id: number }): void {
    const pending = thread.pending;
    if (!pending || pending.job.id !== reply.id) return;
    thread.pending = null;
    if (thread.jobTimer) clearTimeout(thread.jobTimer);
    thread.jobTimer = null;
    if (reply.ok) pending.resolve(reply);
    else if (reply.refusal && isErrorCode(reply.refusal.code)) pending.reject(new AppError(reply.refusal.code, { zh: reply.refusal.message, en: reply.refusal.messageEn }, reply.refusal.issues ? { issues: reply.refusal.issues } : undefined));
    else pending.reject(this.options.failure(reply.reason));
    if (thread.retiring) this.end(thread);
    else this.idle(thread);
    this.dispatch();
  }

  private fail(thread: Thread<J, R>, error: Error): void {
    const pending = thread.pending;
    thread.pending = null;
    if (thread.jobTimer) clearTimeout(thread.jobTimer);
    thread.jobTimer = null;
    pending?.reject(error);
  }

  private idle(thread: Thread<J, R>): void {
    thread.worker.unref();
    thread.idleTimer = setTimeout(() => this.end(thread), this.options.idleMs);
    thread.idleTimer.unref();
  }

  private end(thread: Thread<J, R>): void {
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    if (thread.jobTimer) clearTimeout(thread.jobTimer);
    this.remove(thread);
    void thread.worker.terminate();
  }

  private remove(thread: Thread<J, R>): void {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
  }
}

/** Bytes that own their whole memory can be transferred; a view into a larger (or pooled) buffer is copied first. */
export function transferable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
