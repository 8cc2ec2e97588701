import { randomUUID } from 'node:crypto';
import { withoutAccount, withoutSealed, withSealedAttempt, type FailedAttempt, type SealedAttempt, type SigninState } from './signin-state';

/**
 * Counting wrong passwords when many programs sign in at once. An attempt is registered as
 * *trying* under the sign-in state's lock before its key is derived, and the wrong passwords so far
 * plus the attempts trying may never exceed the limit: a sixth attempt while five are being tried
 * waits, and is refused without any key derivation if they turn out wrong and lock the account.
 * Only a wrong password counts; several right passwords at once (scripts) all get in. An attempt
 * whose program died while trying counts as wrong once it is older than TRY_EXPIRES_MS.
 */
export const TRY_EXPIRES_MS = 60_000;

type Account = SigninState['accounts'][string];
type Attempt = Omit<FailedAttempt, 'id'>;

export type TryStart =
  | { kind: 'trying'; state: SigninState; tryId: string; sealed: SealedAttempt | null }
  /** As many attempts are being tried as may still fail: wait for them, then ask again. */
  | { kind: 'wait'; state: SigninState };

export function withTryStarted(state: SigninState, account: string, attempt: Attempt, now: Date): TryStart {
  const pruned = withExpiredTriesCounted(state, account, now);
  const current = accountOf(pruned, account);
  if (current.failures + current.trying.length >= pruned.policy.maxAttempts) return { kind: 'wait', state: pruned };
  const tryId = randomUUID();
  const { state: recorded, sealed } = withSealedAttempt(pruned, attempt);
  return { kind: 'trying', state: withAccount(recorded, account, { ...current, trying: [...current.trying, { id: tryId, since: now.toISOString(), record: sealed?.epk ?? null }] }), tryId, sealed };
}

/** A wrong password: counted, and the account locked when the limit is reached. Returns the lock time. */
export function withTryFailed(state: SigninState, account: string, tryId: string, now: Date): { state: SigninState; lockedUntil: Date | null } {
  const current = accountOf(state, account);
  // A try that took so long it expired was counted when it expired: not twice.
  if (!current.trying.some((t) => t.id === tryId)) return { state, lockedUntil: null };
  const trying = current.trying.filter((t) => t.id !== tryId);
  return counted(state, account, { ...current, trying }, 1, now);
}

/** The right password: the account's count starts again; its record is no failed attempt. */
export function withTrySucceeded(state: SigninState, account: string, tryId: string, sealed: SealedAttempt | null): SigninState {
  const trying = accountOf(state, account).trying.filter((t) => t.id !== tryId);
  const unsealed = withoutSealed(state, sealed ? [sealed] : []);
  return trying.length === 0 ? withoutAccount(unsealed, account) : withAccount(unsealed, account, { failures: 0, lockedUntil: null, trying });
}

/** A refusal that is no wrong password (a stale key slot, a damaged archive): the try and its record go. */
export function withTryWithdrawn(state: SigninState, account: string, tryId: string, sealed: SealedAttempt | null): SigninState {
  const current = accountOf(state, account);
  const unsealed = withoutSealed(state, sealed ? [sealed] : []);
  return withAccount(unsealed, account, { ...current, trying: current.trying.filter((t) => t.id !== tryId) });
}

/** Tries older than TRY_EXPIRES_MS (their program died) count as wrong passwords – before anything else is decided. */
export function withExpiredTriesCounted(state: SigninState, account: string, now: Date): SigninState {
  const current = accountOf(state, account);
  const live = current.trying.filter((t) => now.getTime() - new Date(t.since).getTime() < TRY_EXPIRES_MS);
  const expired = current.trying.length - live.length;
  return expired === 0 ? state : counted(state, account, { ...current, trying: live }, expired, now).state;
}

function counted(state: SigninState, account: string, current: Account, wrong: number, now: Date): { state: SigninState; lockedUntil: Date | null } {
  const failures = current.failures + wrong;
  if (failures < state.policy.maxAttempts) return { state: withAccount(state, account, { ...current, failures }), lockedUntil: null };
  const until = new Date(now.getTime() + state.policy.lockMinutes * 60_000);
  return { state: withAccount(state, account, { ...current, failures: 0, lockedUntil: until.toISOString() }), lockedUntil: until };
}

function accountOf(state: SigninState, account: string): Account {
  return state.accounts[account] ?? { failures: 0, lockedUntil: null, trying: [] };
}

function withAccount(state: SigninState, account: string, value: Account): SigninState {
  if (value.failures === 0 && !value.lockedUntil && value.trying.length === 0) return withoutAccount(state, account);
  return { ...state, accounts: { ...state.accounts, [account]: value } };
}
