import { AppError } from '../../../../shared/errors';
import { updateSigninState } from '../../vault/signin-state-lock';
import { lockedUntil, withSealedAttempt, type FailedAttempt, type SealedAttempt, type SigninState } from '../../vault/signin-state';
import { withExpiredTriesCounted, withTryFailed, withTryStarted, withTrySucceeded, withTryWithdrawn } from '../../vault/signin-tries';

/**
 * A sign-in attempt is registered – and its record sealed – under the sign-in state's lock BEFORE
 * its password is tried (signin-tries.ts): twenty programs guessing at once run at most as many
 * key derivations as the lockout allows, the others wait and are refused once the account locks,
 * and every attempt reaches the audit trail. Afterwards the reservation is resolved: a wrong
 * password is counted, a success clears the count, any other refusal is taken back.
 */
export type Reservation =
  | { kind: 'refused'; lockedUntil: Date; unrecorded: NodeJS.ErrnoException | null }
  | {
      kind: 'reserved';
      tryId: string;
      /** The attempt's sealed record in the sign-in state (null when it could not be written, or there is no key to seal to yet). */
      sealed: SealedAttempt | null;
      maxAttempts: number;
      /** Why the attempt could not be recorded (full disk, read-only folder); it is still tried and answered. */
      unrecorded: NodeJS.ErrnoException | null;
    };

type Attempt = Omit<FailedAttempt, 'id'>;
type Step = Reservation | { kind: 'wait' };

/** How long an attempt waits for the attempts being tried before it, and how often it looks again. */
const WAIT_LIMIT_MS = 20_000;
const WAIT_STEP_MS = 50;

/** A locked account is refused (and the refusal recorded) without any key derivation. */
export async function reserveAttempt(path: string, account: string, attempt: Attempt, now: () => Date): Promise<Reservation> {
  const started = Date.now();
  for (;;) {
    const { value, unwritten } = await updateSigninState<Step>(path, (state) => step(state, account, attempt, now()));
    if (unwritten) {
      // Nothing can be written: the attempt is answered all the same, unrecorded and uncounted.
      return value.kind === 'refused' ? { ...value, unrecorded: unwritten } : { kind: 'reserved', tryId: '', sealed: null, maxAttempts: 0, unrecorded: unwritten };
    }
    if (value.kind !== 'wait') return value;
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new AppError('LOCKED', { zh: '同时尝试登录此账户的次数过多，请稍后再试', en: 'Too many sign-in attempts for this account at once; try again shortly' });
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS + Math.random() * WAIT_STEP_MS));
  }
}

function step(state: SigninState, account: string, attempt: Attempt, now: Date): { state: SigninState | null; value: Step } {
  const pruned = withExpiredTriesCounted(state, account, now);
  const until = lockedUntil(pruned, account, now);
  if (until) return { state: withSealedAttempt(pruned, { ...attempt, reason: 'locked' }).state, value: { kind: 'refused', lockedUntil: until, unrecorded: null } };
  const started = withTryStarted(pruned, account, attempt, now);
  if (started.kind === 'wait') return { state: started.state === state ? null : started.state, value: { kind: 'wait' } };
  return { state: started.state, value: { kind: 'reserved', tryId: started.tryId, sealed: started.sealed, maxAttempts: state.policy.maxAttempts, unrecorded: null } };
}

/** A wrong password: counted; returns the lock time if this attempt locked the account. */
export async function failReservation(path: string, account: string, reservation: Reservation & { kind: 'reserved' }, now: Date): Promise<Date | null> {
  if (reservation.unrecorded) return null;
  let locked: Date | null = null;
  await resolveQuietly(path, (state) => {
    const failed = withTryFailed(state, account, reservation.tryId, now);
    locked = failed.lockedUntil;
    return failed.state;
  });
  return locked;
}

/** The right password: the account's count starts again and the reserved record goes. */
export async function clearReservation(path: string, account: string, reservation: Reservation & { kind: 'reserved' }): Promise<void> {
  if (reservation.unrecorded) return;
  await resolveQuietly(path, (state) => withTrySucceeded(state, account, reservation.tryId, reservation.sealed));
}

/**
 * A refusal that is no wrong password (a stale key slot, a damaged archive): the reservation is
 * taken back, and a stale slot is recorded as such – a security event, but not a guess.
 */
export async function takeBackReservation(path: string, account: string, reservation: Reservation & { kind: 'reserved' }, stale: Attempt | null): Promise<void> {
  if (reservation.unrecorded && !stale) return;
  await resolveQuietly(path, (state) => {
    const withdrawn = reservation.unrecorded ? state : withTryWithdrawn(state, account, reservation.tryId, reservation.sealed);
    return stale ? withSealedAttempt(withdrawn, { ...stale, reason: 'stale-slot' }).state : withdrawn;
  });
}

/**
 * The answer to the attempt does not depend on this write: when it cannot be made (the disk
 * filled up, another program holds the lock too long), the try stays registered – it expires and
 * then counts, which errs on the safe side – and the answer goes out unchanged.
 */
async function resolveQuietly(path: string, change: (state: SigninState) => SigninState): Promise<void> {
  try {
    await updateSigninState(path, (state) => ({ state: change(state), value: undefined }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/** The refusal, saying so when the attempt could not be recorded (it was refused all the same). */
export function withUnrecordedNote(error: AppError, unrecorded: NodeJS.ErrnoException | null): AppError {
  if (!unrecorded) return error;
  const why = unrecordedCause(unrecorded);
  return new AppError(error.code, { zh: `${error.messageZh}（此次尝试未能记入登录记录：${why.zh}）`, en: `${error.messageEn} (this attempt could not be recorded: ${why.en})` }, { cause: unrecorded });
}

export function unrecordedCause(error: NodeJS.ErrnoException): { zh: string; en: string } {
  switch (error.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { zh: '磁盘已满', en: 'the disk is full' };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { zh: '数据文件夹为只读', en: 'the data folder is read-only' };
    default:
      return { zh: `无法写入（${error.code ?? '?'}）`, en: `it could not be written (${error.code ?? '?'})` };
  }
}
