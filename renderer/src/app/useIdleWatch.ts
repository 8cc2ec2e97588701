import { useEffect } from 'react';
import { call } from '../lib/api';
import { useSession } from './SessionProvider';

const TOUCH_EVERY_MS = 30_000;
const POLL_EVERY_MS = 15_000;

/**
 * Keeps the core's idle timer in step with the person at the keyboard, and notices promptly when
 * the core has locked the archive (the lock itself is decided and enforced by the core).
 */
export function useIdleWatch(): void {
  const { phase, refresh } = useSession();

  useEffect(() => {
    if (phase !== 'signed-in') return undefined;
    let lastTouch = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - lastTouch < TOUCH_EVERY_MS) return;
      lastTouch = now;
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
}
