import type { HandlerContext } from './context';
import type { ActiveSession } from './session';

/**
 * What a handler returns through `ctx.outsideQueue`: the core sees it when the handler's turn in
 * the queue ends, runs `work` with the queue free, and queues `finish`.
 */
export class OutsideQueue<H = unknown, T = unknown> {
  constructor(
    readonly session: ActiveSession,
    readonly work: (ended: () => boolean) => Promise<H>,
    readonly finish: (ctx: HandlerContext, done: H) => T | Promise<T>,
  ) {}
}
