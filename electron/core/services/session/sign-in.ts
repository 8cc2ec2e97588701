import { queryAuditEvents } from '../../../../db/repositories/audit';
import { readMetaValue, writeMetaValue } from '../../../../db/repositories/meta';
import { findUserByLogin, type UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import type { Settings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AuditDraft, FrontDoor } from '../../audit/chain';
import type { CoreEnv } from '../../context';
import { unlockArchive, type UnlockOptions } from '../archive/unlock-archive';
import { readSettings } from '../settings/settings';
import { archiveState } from '../../vault/archive-files';
import type { OpenedArchive } from '../../vault/opened-archive';
import {
  newSigninKeyPair,
  openAttempt,
  readSigninState,
  signinPublicKey,
  signinStateText,
  undecidedRecords,
  withoutSealed,
  withSealedAttempt,
  type FailedAttempt,
  type LockoutPolicy,
  type SealedAttempt,
} from '../../vault/signin-state';
import { updateSigninState } from '../../vault/signin-state-lock';
import { underLockout } from './password-under-lockout';

const PRIVATE_KEY = 'signin_private_key';

export interface SignedIn {
  archive: OpenedArchive;
  user: UserRecord;
  /** The account key in the sign-in state (the salted hash of the login). */
  account: string;
  /** This sign-in's own attempt as reserved before the password was tried: not a failed attempt. */
  ownAttempt: SealedAttempt | null;
}

/**
 * Sign-in with lockout (password-under-lockout.ts): a locked account is refused at once, a wrong
 * password stays counted and sealed into the sign-in state, and the account locks when the limit
 * is reached. A key slot the database does not know is refused as KEY_SLOT_STALE, not counted.
 */
export async function signIn(env: CoreEnv, login: string, password: string, frontDoor: FrontDoor, options: UnlockOptions = {}): Promise<SignedIn> {
  const state = archiveState(env.paths);
  if (state === 'missing') throw new AppError('ARCHIVE_NOT_FOUND');
  if (state === 'incomplete') throw new AppError('ARCHIVE_INCOMPLETE');
  const { value, account, ownAttempt } = await underLockout({ paths: env.paths, login, frontDoor, now: () => env.now() }, () => unlockArchive(env.paths, login, password, env.migrationsDir, options));
  return { ...value, account, ownAttempt };
}

/** What settleSignIn moved into the audit trail, to be taken out of the sign-in state once committed (confirmSignIn). */
export interface SettledAttempts {
  recorded: SealedAttempt[];
  dropped: number;
  publicKey: string;
}

/**
 * Inside the sign-in transaction: the failed attempts sealed since the last sign-in move into
 * the audit trail. The sign-in state itself is changed only after the commit (confirmSignIn):
 * were it emptied here, a rollback would lose the attempts, and attempts sealed meanwhile by
 * other programs would be overwritten. An attempt recorded by an earlier sign-in whose
 * confirmation did not get written is recognised by its id and not recorded twice.
 */
export function settleSignIn(db: Db, signedIn: Pick<SignedIn, 'archive' | 'ownAttempt'>, record: (draft: AuditDraft, frontDoor: FrontDoor) => void): SettledAttempts {
  let privateKey = readMetaValue(db, PRIVATE_KEY);
  if (!privateKey) {
    privateKey = newSigninKeyPair().privateKey;
    writeMetaValue(db, PRIVATE_KEY, privateKey);
  }
  const state = readSigninState(signedIn.archive.paths.signinState);
  const undecided = undecidedRecords(state);
  const waiting = withoutSealed(state, signedIn.ownAttempt ? [signedIn.ownAttempt] : []).pending.filter((sealed) => !undecided.has(sealed.epk));
  const opened = waiting.map((sealed) => openAttempt(privateKey, sealed)).filter((a): a is FailedAttempt => a !== null);
  const already = recordedAttemptIds(db, opened.map((a) => a.id));
  for (const attempt of opened.filter((a) => !already.has(a.id)).sort((a, b) => a.at.localeCompare(b.at))) {
    const user = findUserByLogin(db, attempt.login);
    const who = user ? { userId: user.id, displayName: user.displayName } : {};
    record(
      attempt.reason === 'signed-in-late'
        ? { action: 'session:login', target: { type: 'sign-in', id: attempt.id, label: attempt.login }, summary: { signedInAt: attempt.at, recordedLater: true, ...who } }
        : { action: 'session:login-failed', target: { type: 'sign-in', id: attempt.id, label: attempt.login }, summary: { reason: attempt.reason, attemptedAt: attempt.at, ...(attempt.purpose ? { askedFor: attempt.purpose } : {}), ...who } },
      attempt.frontDoor,
    );
  }
  // Sealed to another key (a sign-in state from elsewhere) or altered: counted, since they cannot be read.
  const unreadable = waiting.length - opened.length;
  if (unreadable > 0) record({ action: 'session:login-failed', summary: { reason: 'unreadable', count: unreadable } }, 'ui');
  if (state.dropped > 0) record({ action: 'session:login-failed', summary: { reason: 'dropped', count: state.dropped } }, 'ui');
  return { recorded: waiting, dropped: state.dropped, publicKey: signinPublicKey(privateKey) };
}

/**
 * After the sign-in has committed: the recorded attempts leave the sign-in state (attempts sealed
 * meanwhile stay), and the lockout policy and public key are mirrored into it – they have to be
 * known before the database is open. If this cannot be written now, the next sign-in does it.
 */
export async function confirmSignIn(signedIn: Pick<SignedIn, 'archive' | 'ownAttempt'>, settled: SettledAttempts | null): Promise<void> {
  // Not settled (the archive could not be written, or another program held it): the others'
  // attempts wait for a later sign-in, but this one succeeded and is no failed attempt.
  const done = [...(settled?.recorded ?? []), ...(signedIn.ownAttempt ? [signedIn.ownAttempt] : [])];
  if (done.length === 0 && !settled) return;
  try {
    await updateSigninState(signedIn.archive.paths.signinState, (state) => ({
      state: settled
        ? // The policy as committed now, under the lock: another program may have changed it since this sign-in read it.
          { ...withoutSealed(state, done), dropped: Math.max(0, state.dropped - settled.dropped), policy: lockoutPolicy(readSettings(signedIn.archive.database.db)), publicKey: settled.publicKey }
        : withoutSealed(state, done),
      value: undefined,
    }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/**
 * A sign-in that could not be recorded before its session ended (another program held the archive
 * all along): sealed like a failed attempt, it reaches the audit trail at the next sign-in.
 */
export async function recordSignInLater(signinState: string, attempt: { at: Date; login: string; frontDoor: FrontDoor }, reason: 'signed-in-late' | 'repair-refused' = 'signed-in-late'): Promise<void> {
  await updateSigninState(signinState, (state) => ({
    state: withSealedAttempt(state, { at: attempt.at.toISOString(), login: attempt.login, frontDoor: attempt.frontDoor, reason }).state,
    value: undefined,
  }));
}

/** Which of these attempt ids the audit trail already holds. */
function recordedAttemptIds(db: Db, ids: readonly string[]): Set<string> {
  const found = new Set<string>();
  const batch = 100;
  for (let from = 0; from < ids.length; from += batch) {
    const targets = ids.slice(from, from + batch).map((id) => ({ type: 'sign-in', id }));
    for (const event of queryAuditEvents(db, { action: 'session:', targets, limit: targets.length })) {
      if (event.targetId) found.add(event.targetId);
    }
  }
  return found;
}

/** The lockout policy as the sign-in state holds it. */
export function lockoutPolicy(settings: Settings): LockoutPolicy {
  return { maxAttempts: settings.lockoutAttempts, lockMinutes: settings.lockoutMinutes };
}

/** Creates the sign-in key pair for a new archive: private half in the database, public half in the file. */
export function initialiseSignIn(db: Db, path: string, settings: Settings): string {
  const pair = newSigninKeyPair();
  writeMetaValue(db, PRIVATE_KEY, pair.privateKey);
  return signinStateText({ ...readSigninState(path), publicKey: pair.publicKey, policy: lockoutPolicy(settings) });
}


