import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { InputOf, LockReason, SessionInfo } from '../../../shared/contract';
import { call, onSignedOut } from '../lib/api';

export type Phase = 'loading' | 'setup' | 'incomplete' | 'locked' | 'signed-in' | 'unreachable';

export interface SessionState {
  phase: Phase;
  dataDir: string;
  session: SessionInfo | null;
  lockReason: LockReason | null;
  /** The login of whoever was signed in before the lock: the sign-in form offers it again. */
  lastLogin: string;
}

interface SessionContextValue extends SessionState {
  refresh: () => Promise<void>;
  createArchive: (input: InputOf<'archive:create'>) => Promise<void>;
  login: (input: InputOf<'session:login'>) => Promise<void>;
  lock: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const initial: SessionState = { phase: 'loading', dataDir: '', session: null, lockReason: null, lastLogin: '' };

/** Where the archive stands (first run, locked, signed in) – always as the core says, never guessed. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(initial);

  const refresh = useCallback(async () => {
    const update = await readState();
    setState(update);
  }, []);

  useEffect(() => {
    let active = true;
    void readState().then((update) => {
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
        setState((previous) => ({ ...previous, phase: 'signed-in', session, lockReason: null }));
      },
      login: async (input) => {
        const session = await call('session:login', input);
        setState((previous) => ({ ...previous, phase: 'signed-in', session, lockReason: null }));
      },
      lock: async () => {
        await call('session:lock', {});
        setState((previous) => ({ ...previous, phase: 'locked', session: null, lockReason: 'manual', lastLogin: previous.session?.user.login ?? previous.lastLogin }));
      },
    }),
    [state, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Asks the core where the archive stands; the answer updates the state it is applied to. */
async function readState(): Promise<(previous: SessionState) => SessionState> {
  try {
    const archive = await call('archive:status', {});
    if (archive.state !== 'ready') {
      const phase = archive.state === 'missing' ? 'setup' : 'incomplete';
      return () => ({ phase, dataDir: archive.dataDir, session: null, lockReason: null, lastLogin: '' });
    }
    const status = await call('session:status', {});
    return (previous) => ({
      phase: status.session ? 'signed-in' : 'locked',
      dataDir: archive.dataDir,
      session: status.session,
      lockReason: status.lockReason,
      lastLogin: previous.session?.user.login ?? previous.lastLogin,
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
