import type { z } from 'zod';
import type { Permission } from '../permissions';

/**
 * Who may call a channel: `public` needs no session (first run, sign-in, status), `session` needs
 * any signed-in user, a permission needs a signed-in user whose roles grant it.
 */
export type Access = 'public' | 'session' | Permission;

/** Phantom marker that carries a channel's output type; it has no runtime content. */
export interface Returns<T> {
  readonly __output?: T;
}
export const returns = <T>(): Returns<T> => ({});

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  /** Queries only read; mutations change data and are audited in the same transaction. */
  readonly kind: 'query' | 'mutation';
  readonly access: Access;
  /**
   * Answered at once, beside whatever the core is doing (progress and cancel of a long import);
   * such a query must read nothing but in-memory state.
   */
  readonly unqueued?: boolean;
  /**
   * A mutation that writes only when there is something to write (issuing the notices now due):
   * when it writes, it is audited like any other; when nothing is due, it answers without a write.
   */
  readonly writesWhenDue?: boolean;
  /**
   * Asked by the window on its own, every few minutes or seconds (notices due, the backup due, a
   * backup's progress): refused once the session is idle like any call, but it keeps no session
   * alive – only what the user does does.
   */
  readonly poll?: boolean;
  readonly input: I;
  readonly output: Returns<O>;
}

export function query<I extends z.ZodType, O>(def: Omit<ChannelDef<I, O>, 'kind'>): ChannelDef<I, O> {
  return { kind: 'query', ...def };
}

export function mutation<I extends z.ZodType, O>(def: Omit<ChannelDef<I, O>, 'kind'>): ChannelDef<I, O> {
  return { kind: 'mutation', ...def };
}
