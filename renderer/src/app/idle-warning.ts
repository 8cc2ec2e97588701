/** The window warns this long before the idle lock – or, with a short lock period, for half of it. */
const WARN_BEFORE_MS = 60_000;

export interface IdleMoment {
  now: number;
  /** When the core will lock if it hears nothing (this window's clock). */
  due: number;
  /** The lock period (the setting, in milliseconds). */
  periodMs: number;
  /** The person's last key press, click or scroll in this window. */
  lastActivity: number;
  /** When this window last told the core the person is there (it does so at most every half minute; any other call tells it too). */
  lastTouch: number;
}

export type IdleAdvice = { kind: 'none' } | { kind: 'touch' } | { kind: 'warn'; seconds: number };

/**
 * What the window does about the coming idle lock: nothing yet; tell the core the person is there
 * (they were active since the core last heard – it must not lock someone at work); or warn with the
 * seconds left, so that work not yet saved can be saved or kept.
 */
export function idleAdvice({ now, due, periodMs, lastActivity, lastTouch }: IdleMoment): IdleAdvice {
  const left = due - now;
  if (left > Math.min(WARN_BEFORE_MS, periodMs / 2)) return { kind: 'none' };
  // The core counts every call as activity: it knows of the person's work until `due - periodMs`.
  if (lastActivity > Math.max(lastTouch, due - periodMs)) return { kind: 'touch' };
  return { kind: 'warn', seconds: Math.max(0, Math.ceil(left / 1000)) };
}
