import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../lib/api';
import { idleAdvice } from './idle-warning';
import { useSession } from './SessionProvider';

const TOUCH_EVERY_MS = 30_000;
const POLL_EVERY_MS = 15_000;

export interface IdleWarning {
  /** Seconds until the idle lock, while the window warns of it (null: no warning). */
  seconds: number | null;
  /** The person is there: the core postpones the lock. */
  keepWorking: () => void;
}

/**
 * Keeps the core's idle timer in step with the person at the keyboard, warns a minute before the
 * core locks an unattended window (work not yet saved – pages captured, a form – would be lost), and
 * notices promptly when the core has locked the archive (the lock itself is decided and enforced by
 * the core).
 */
export function useIdleWatch(): IdleWarning {
  const { phase, refresh, session, idleLockDue } = useSession();
  const lastTouch = useRef(0);
  const lastActivity = useRef(0);
  /** The warning's seconds, with the lock moment they count down to (a warning of an earlier session or period is no warning). */
  const [warning, setWarning] = useState<{ due: number; seconds: number } | null>(null);

  const touch = useCallback(() => {
    lastTouch.current = Date.now();
    setWarning(null);
    void call('session:touch', {})
      .then(() => refresh())
      .catch(() => undefined);
  }, [refresh]);

  useEffect(() => {
    if (phase !== 'signed-in') return undefined;
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current < TOUCH_EVERY_MS) return;
      lastTouch.current = now;
      call('session:touch', {}).catch(() => undefined);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, onActivity, { passive: true }));
    const poll = window.setInterval(() => void refresh(), POLL_EVERY_MS);
    return () => {
      events.forEach((name) => window.removeEventListener(name, onActivity));
      window.clearInterval(poll);
    };
  }, [phase, refresh]);

  const periodMs = (session?.idleLockMinutes ?? 0) * 60_000;
  useEffect(() => {
    if (phase !== 'signed-in' || idleLockDue === null) return undefined;
    const tick = window.setInterval(() => {
      // A touch since the core last said when it locks has moved that moment on.
      const due = Math.max(idleLockDue, lastTouch.current + periodMs);
      const advice = idleAdvice({ now: Date.now(), due, periodMs, lastActivity: lastActivity.current, lastTouch: lastTouch.current });
      if (advice.kind === 'touch') touch();
      else setWarning(advice.kind === 'warn' ? { due: idleLockDue, seconds: advice.seconds } : null);
    }, 1000);
    return () => window.clearInterval(tick);
  }, [phase, idleLockDue, periodMs, touch]);

  return { seconds: phase === 'signed-in' && warning !== null && warning.due === idleLockDue ? warning.seconds : null, keepWorking: touch };
}
