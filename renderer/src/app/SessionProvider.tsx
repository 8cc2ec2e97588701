import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { InputOf, LockReason, OutputOf, SessionInfo } from '../../../shared/contract';
import { call, onSignedOut } from '../lib/api';

export type Phase = 'loading' | 'setup' | 'incomplete' | 'locked' | 'signed-in' | 'unreachable';

export interface SessionState {
  phase: Phase;
  dataDir: string;
  session: SessionInfo | null;
  lockReason: LockReason | null;
  /** The login of whoever was signed in before the lock: the sign-in form offers it again. */
  lastLogin: string;
  /** When the core locks the session if it hears nothing (this window's clock; null: nobody signed in). */
  idleLockDue: number | null;
}

interface SessionContextValue extends SessionState {
  refresh: () => Promise<void>;
  createArchive: (input: InputOf<'archive:create'>) => Promise<void>;
  login: (input: InputOf<'session:login'>) => Promise<OutputOf<'session:login'>>;
  lock: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const initial: SessionState = { phase: 'loading', dataDir: '', session: null, lockReason: null, lastLogin: '', idleLockDue: null };

/** A session just begun is locked after the whole period of the setting. */
const dueAfterSignIn = (session: SessionInfo): number => Date.now() + session.idleLockMinutes * 60_000;

let firstAnswer: ReturnType<typeof readState> | null = null;

/**
 * Asks the core where the archive stands before React renders anything (main.tsx): the first
 * screen depends on the answer, and the question need not wait for the first render and paint.
 */
export function askCoreEarly(): void {
  firstAnswer ??= readState();
}

/** Where the archive stands (first run, locked, signed in) – always as the core says, never guessed. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(initial);

  const refresh = useCallback(async () => {
    const update = await readState();
    setState(update);
  }, []);

  useEffect(() => {
    let active = true;
    const answer = firstAnswer ?? readState();
    firstAnswer = null;
    void answer.then((update) => {
      if (active) setState(update);
    });
    const stop = onSignedOut(() => void refresh());
    return () => {
      active = false;
      stop();
    };
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      ...state,
      refresh,
      createArchive: async (input) => {
        const session = await call('archive:create', input);
        setState((previous) => ({ ...previous, phase: 'signed-in', session, lockReason: null, idleLockDue: dueAfterSignIn(session) }));
      },
      login: async (input) => {
        const session = await call('session:login', input);
        setState((previous) => ({ ...previous, phase: 'signed-in', session, lockReason: null, idleLockDue: dueAfterSignIn(session) }));
        return session;
      },
      lock: async () => {
        await call('session:lock', {});
        setState((previous) => ({ ...previous, phase: 'locked', session: null, lockReason: 'manual', lastLogin: previous.session?.user.login ?? previous.lastLogin, idleLockDue: null }));
      },
    }),
    [state, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Asks the core where the archive stands; the answer updates the state it is applied to. */
async function readState(): Promise<(previous: SessionState) => SessionState> {
  try {
    // Both at once: the session's status is in memory and answers whatever the archive's state.
    const [archive, status] = await Promise.all([call('archive:status', {}), call('session:status', {})]);
    if (archive.state !== 'ready') {
      const phase = archive.state === 'missing' ? 'setup' : 'incomplete';
      return () => ({ phase, dataDir: archive.dataDir, session: null, lockReason: null, lastLogin: '', idleLockDue: null });
    }
    return (previous) => ({
      phase: status.session ? 'signed-in' : 'locked',
      dataDir: archive.dataDir,
      session: status.session,
      lockReason: status.lockReason,
      lastLogin: previous.session?.user.login ?? previous.lastLogin,
      idleLockDue: status.idleLockInMs === null ? null : Date.now() + status.idleLockInMs,
    });
  } catch {
    return (previous) => ({ ...previous, phase: 'unreachable' });
  }
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
