import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { ThreadPool } from './thread-pool';

/** A thread that doubles n – slowly when asked, refusing or dying when told to. */
const source = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => {
  if (job.die) process.exit(3);
  if (job.appRefusal) return parentPort.postMessage({ id: job.id, ok: false, reason: 'refused', refusal: { code: 'VALIDATION', message: '起始位置超出标签纸', messageEn: 'The start lies beyond the sheet' } });
  setTimeout(() => parentPort.postMessage(job.refuse ? { id: job.id, ok: false, reason: 'refused ' + job.n } : { id: job.id, ok: true, doubled: job.n * 2 }), job.slowMs ?? 0);
});`;

type Job = { n: number; slowMs?: number; refuse?: boolean; die?: boolean; appRefusal?: boolean };
class Failed extends Error {}

function pool(maxThreads = 1, jobTimeoutMs = 10_000) {
  let started = 0;
  const threads = new ThreadPool<Job, { doubled: number }>({
    spawn: () => {
      started += 1;
      return new Worker(source, { eval: true });
    },
    maxThreads,
    idleMs: 50,
    jobTimeoutMs,
    failure: (reason) => new Failed(reason),
  });
  return { threads, started: () => started };
}

describe('a pool of core threads', () => {
  it('does every job, more than it has threads, each answer to its own job', async () => {
    const { threads, started } = pool(2);
    const answers = await Promise.all([5, 1, 4, 2, 3].map((n) => threads.run({ n, slowMs: n * 5 })));
    expect(answers.map((a) => a.doubled)).toEqual([10, 2, 8, 4, 6]);
    expect(started()).toBe(2);
  });

  it('warmed ahead of its jobs: the threads start idle, the jobs then find them, and unused they end', async () => {
    const { threads, started } = pool(2);
    threads.warm();
    threads.warm();
    expect(started()).toBe(2);
    const answers = await Promise.all([1, 2, 3].map((n) => threads.run({ n, slowMs: 5 })));
    expect(answers.map((a) => a.doubled)).toEqual([2, 4, 6]);
    expect(started()).toBe(2);
    // Idle past idleMs they have ended: warming again starts them again.
    await new Promise((resolve) => setTimeout(resolve, 150));
    threads.warm();
    expect(started()).toBe(4);
  });

  it('a job the thread refuses fails with its reason; the thread goes on with the next', async () => {
    const { threads, started } = pool();
    await expect(threads.run({ n: 7, refuse: true })).rejects.toThrow(new Failed('refused 7'));
    expect((await threads.run({ n: 8 })).doubled).toBe(16);
    expect(started()).toBe(1);
  });

  it('a refusal meant for the user comes back as that AppError, its code and both languages kept', async () => {
    const { threads } = pool();
    const refused = await threads.run({ n: 1, appRefusal: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'VALIDATION', messageZh: '起始位置超出标签纸', messageEn: 'The start lies beyond the sheet' });
  });

  it('a thread that dies fails its job; the job after it gets a new thread', async () => {
    const { threads, started } = pool();
    const dying = threads.run({ n: 1, die: true });
    const next = threads.run({ n: 2 });
    await expect(dying).rejects.toBeInstanceOf(Failed);
    expect((await next).doubled).toBe(4);
    expect(started()).toBe(2);
  });

  it('a job that cannot be handed over fails alone; one that hangs is given up and its thread ended; the pool goes on', async () => {
    const { threads, started } = pool(1, 300);
    const first = threads.run({ n: 1 });
    // Nothing can be handed over that is not a transferable buffer: postMessage throws.
    const refused = threads.run({ n: 2 }, [{} as ArrayBuffer]).catch((error: unknown) => error);
    expect((await first).doubled).toBe(2);
    expect(await refused).toBeInstanceOf(Error);
    expect((await threads.run({ n: 3 })).doubled).toBe(6);
    const hanging = threads.run({ n: 4, slowMs: 60_000 }).catch((error: unknown) => error);
    expect(await hanging).toBeInstanceOf(Failed);
    expect((await threads.run({ n: 5 })).doubled).toBe(10);
    expect(started()).toBe(2);
  });

  it('retired (a session ended): the job under way finishes, the waiting ones are refused as unauthenticated', async () => {
    const { threads } = pool();
    const running = threads.run({ n: 3, slowMs: 50 });
    const waiting = threads.run({ n: 4 }).catch((error: unknown) => error);
    threads.retire();
    expect((await running).doubled).toBe(6);
    expect(await waiting).toBeInstanceOf(AppError);
    expect(await waiting).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await threads.run({ n: 5 })).doubled).toBe(10);
  });
});
