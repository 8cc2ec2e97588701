import { AppError, type ErrorCode, type Message } from '../../../../shared/errors';
import { formatLocalDateTime } from '../../../../shared/time';
import { toAppError } from '../../errors';
import type { ArchivePaths } from '../../vault/archive-files';
import { lockedUntil, readSigninState, withoutAccount, type SigninState } from '../../vault/signin-state';
import { updateSigninState, type SigninStateUpdate } from '../../vault/signin-state-lock';
import { unrecordedCause } from '../session/attempt-reservation';

/** What lifted the lock, so that a refusal can say what did take effect. */
export type LockLift = 'unlock' | 'new-password';

/**
 * Once an unlock or a new password has committed, the account's wrong-password count and lock
 * are cleared under the sign-in state's lock: what other programs count meanwhile stays, and a
 * password still being tried stays registered, to count if it turns out wrong.
 *
 * The lock is kept only in the sign-in state (it is checked before any password has opened the
 * database), so a lift that cannot be written there has not happened: the call says so and until
 * when the account stays locked. The audit trail keeps the lift as something the administrator
 * did; unlocking again once the cause is gone lifts the lock.
 */
export async function clearLockout(paths: ArchivePaths, account: string, now: Date, lift: LockLift): Promise<void> {
  let update: SigninStateUpdate<Date | null>;
  try {
    update = await updateSigninState(paths.signinState, (state) => ({ state: withLockCleared(state, account), value: lockedUntil(state, account, now) }));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'ARCHIVE_BUSY') throw error;
    // Other programs held the sign-in state all the while: nothing was changed.
    const locked = lockedUntil(readSigninState(paths.signinState), account, now);
    if (locked) throw notLifted(error.code, { zh: error.messageZh, en: error.messageEn }, locked, lift, error);
    return;
  }
  const { value: locked, unwritten } = update;
  if (locked && unwritten) throw notLifted(toAppError(unwritten).code, unrecordedCause(unwritten), locked, lift, unwritten);
}

/** The state without the account's count and lock; null if it has neither. */
function withLockCleared(state: SigninState, account: string): SigninState | null {
  const current = state.accounts[account];
  if (!current || (current.failures === 0 && current.lockedUntil === null)) return null;
  if (current.trying.length === 0) return withoutAccount(state, account);
  return { ...state, accounts: { ...state.accounts, [account]: { ...current, failures: 0, lockedUntil: null } } };
}

function notLifted(code: ErrorCode, why: Message, until: Date, lift: LockLift, cause: unknown): AppError {
  const stillZh = `账户仍锁定至 ${formatLocalDateTime(until)}`;
  const stillEn = `the account is still locked until ${formatLocalDateTime(until)}`;
  const message: Message =
    lift === 'unlock'
      ? { zh: `解锁已记入审计记录，但未能写入登录状态（${why.zh}），${stillZh}：排除问题后请再次解锁`, en: `The unlock is in the audit trail but could not be written to the sign-in state (${why.en}): ${stillEn}; put that right and unlock again` }
      : { zh: `新密码已设置，但账户锁定未能解除（${why.zh}），${stillZh}：排除问题后请在用户列表中解锁`, en: `The new password is set, but the account's lock could not be lifted (${why.en}): ${stillEn}; put that right, then unlock the account` };
  return new AppError(code, message, { cause });
}
