import { readMetaValue, writeMetaValue } from '../../../../db/repositories/meta';
import { findUserByLogin, type UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import type { Settings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { normalizeLogin } from '../../../../shared/schemas';
import { formatLocalDateTime } from '../../../../shared/time';
import type { AuditDraft, FrontDoor } from '../../audit/chain';
import type { CoreEnv, WriteEffects } from '../../context';
import { unlockArchive } from '../archive/unlock-archive';
import { archiveState } from '../../vault/archive-files';
import { readKeySlotFile, slotIdFor } from '../../vault/key-slots';
import type { OpenedArchive } from '../../vault/opened-archive';
import {
  lockedUntil,
  newSigninKeyPair,
  openAttempt,
  readSigninState,
  signinStateText,
  withFailure,
  withoutAccount,
  type FailedAttempt,
  type SigninState,
} from '../../vault/signin-state';
import { writeFileAtomic } from '../../fs/atomic-write';

const PRIVATE_KEY = 'signin_private_key';

export interface SignedIn {
  archive: OpenedArchive;
  user: UserRecord;
  /** The account key in the sign-in state (the salted hash of the login). */
  account: string;
}

/**
 * Sign-in with lockout: a locked account is refused before any key derivation; a wrong password
 * is counted and sealed into the sign-in state, and the account locks when the limit is reached.
 */
export async function signIn(env: CoreEnv, login: string, password: string, frontDoor: FrontDoor): Promise<SignedIn> {
  const state = archiveState(env.paths);
  if (state === 'missing') throw new AppError('ARCHIVE_NOT_FOUND');
  if (state === 'incomplete') throw new AppError('ARCHIVE_INCOMPLETE');
  const slots = readKeySlotFile(env.paths.keySlots);
  const account = slotIdFor(slots, login);
  const now = env.now();
  const signin = readSigninState(env.paths.signinState);
  const attempt = { at: now.toISOString(), login: normalizeLogin(login), frontDoor };

  const locked = lockedUntil(signin, account, now);
  if (locked) {
    writeFileAtomic(env.paths.signinState, signinStateText(withFailure(signin, account, { ...attempt, reason: 'locked' }, now)));
    throw lockedError(locked);
  }
  try {
    const { archive, user } = await unlockArchive(env.paths, login, password, env.migrationsDir);
    return { archive, user, account };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'WRONG_PASSWORD') throw error;
    const reason = slots.slots.some((s) => s.id === account) ? 'wrong-password' : 'unknown-user';
    const next = withFailure(readSigninState(env.paths.signinState), account, { ...attempt, reason }, now);
    writeFileAtomic(env.paths.signinState, signinStateText(next));
    const nowLocked = lockedUntil(next, account, now);
    if (nowLocked) {
      throw new AppError('LOCKED', {
        zh: `连续 ${signin.policy.maxAttempts} 次密码错误，账户已锁定至 ${clock(nowLocked)}`,
        en: `${signin.policy.maxAttempts} wrong passwords in a row: the account is locked until ${clock(nowLocked)}`,
      });
    }
    throw error;
  }
}

/**
 * Inside the sign-in transaction: the failed attempts sealed since the last sign-in move into
 * the audit trail, this account's counter is cleared, and the lockout policy is mirrored into the
 * sign-in state (it has to be known before the database is open).
 */
export function settleSignIn(
  db: Db,
  effects: WriteEffects,
  signInState: { path: string; account: string; settings: Settings },
  record: (draft: AuditDraft, frontDoor: FrontDoor) => void,
): void {
  let privateKey = readMetaValue(db, PRIVATE_KEY);
  let state: SigninState = readSigninState(signInState.path);
  if (!privateKey || !state.publicKey) {
    const pair = newSigninKeyPair();
    writeMetaValue(db, PRIVATE_KEY, pair.privateKey);
    privateKey = pair.privateKey;
    state = { ...state, publicKey: pair.publicKey };
  }
  const attempts = state.pending.map((sealed) => openAttempt(privateKey, sealed)).filter((a): a is FailedAttempt => a !== null);
  for (const attempt of attempts.sort((a, b) => a.at.localeCompare(b.at))) {
    const user = findUserByLogin(db, attempt.login);
    record(
      {
        action: 'session:login-failed',
        target: { type: 'sign-in', id: attempt.id, label: attempt.login },
        summary: { reason: attempt.reason, attemptedAt: attempt.at, ...(user ? { userId: user.id, displayName: user.displayName } : {}) },
      },
      attempt.frontDoor,
    );
  }
  if (state.dropped > 0) record({ action: 'session:login-failed', summary: { reason: 'dropped', count: state.dropped } }, 'ui');
  const settled = withoutAccount({ ...state, pending: [], dropped: 0, policy: lockoutPolicy(signInState.settings) }, signInState.account);
  effects.replaceFile(signInState.path, signinStateText(settled));
}

/** The lockout policy as the sign-in state holds it. */
export function lockoutPolicy(settings: Settings) {
  return { maxAttempts: settings.lockoutAttempts, lockMinutes: settings.lockoutMinutes };
}

/** Creates the sign-in key pair for a new archive: private half in the database, public half in the file. */
export function initialiseSignIn(db: Db, path: string, settings: Settings): string {
  const pair = newSigninKeyPair();
  writeMetaValue(db, PRIVATE_KEY, pair.privateKey);
  return signinStateText({ ...readSigninState(path), publicKey: pair.publicKey, policy: lockoutPolicy(settings) });
}

export function lockedError(until: Date): AppError {
  return new AppError('LOCKED', { zh: `账户已锁定，请于 ${clock(until)} 后再试`, en: `The account is locked; try again after ${clock(until)}` });
}

const clock = formatLocalDateTime;

