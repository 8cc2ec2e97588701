import { setTimeout as sleep } from 'node:timers/promises';
import { lock } from 'proper-lockfile';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { readSigninState, signinStateText, type SigninState } from './signin-state';

/**
 * Changes to the sign-in state are made under an exclusive lock (`signin-state.json.lock`, a
 * folder beside it): read, change, write, unlock. Several programs signing in at once – the
 * window, the CLI, twenty scripts – then each count their attempt on top of the others', and no
 * sealed attempt is lost to a write made from an older copy. The lock is held for milliseconds,
 * never while a key is derived. A program killed while holding it leaves a lock that goes stale
 * (its time is no longer renewed) and is broken by the next one.
 */
const LOCK_OPTIONS = {
  realpath: false,
  stale: 5_000,
  // A lock taken over as stale while still held (a process frozen for seconds) is not worth
  // crashing for: the write that follows is atomic, at worst one change is made on an older copy.
  onCompromised: () => undefined,
};

export interface SigninStateUpdate<T> {
  value: T;
  /**
   * Why the change could not be kept (a full disk, a read-only data folder): the caller goes on
   * with `value` – a refusal is still a refusal – and says that the attempt was not recorded.
   */
  unwritten: NodeJS.ErrnoException | null;
}

/** `change` returns the new state (null: nothing to write) and what the caller needs to know. */
export async function updateSigninState<T>(path: string, change: (state: SigninState) => { state: SigninState | null; value: T }): Promise<SigninStateUpdate<T>> {
  let release: () => Promise<void>;
  try {
    release = await acquire(path);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    if (error.code === 'ELOCKED') {
      throw new AppError('ARCHIVE_BUSY', { zh: '另一程序正在登录，请稍后再试', en: 'Another program is signing in; try again shortly' }, { cause: error });
    }
    // No lock can be made where nothing can be written: the state is read as it is, and the change only worked out.
    return { value: change(readSigninState(path)).value, unwritten: error };
  }
  try {
    const { state, value } = change(readSigninState(path));
    if (state === null) return { value, unwritten: null };
    try {
      writeFileAtomic(path, signinStateText(state));
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      return { value, unwritten: error };
    }
    return { value, unwritten: null };
  } finally {
    // A lock that cannot be removed goes stale and is broken by the next program.
    await release().catch(() => undefined);
  }
}

/** Longer than `stale`, so that a lock left by a killed program is broken in time. */
const WAIT_MS = 7_000;

/**
 * Waits only while another program holds the lock (proper-lockfile's own retries would also
 * retry a full disk for the whole wait).
 */
async function acquire(path: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      return await lock(path, LOCK_OPTIONS);
    } catch (error) {
      if (!isFileSystemError(error) || error.code !== 'ELOCKED' || Date.now() > deadline) throw error;
      await sleep(10 + Math.random() * 40);
    }
  }
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
