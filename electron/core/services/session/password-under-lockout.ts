import { AppError } from '../../../../shared/errors';
import { normalizeLogin } from '../../../../shared/schemas';
import { formatLocalDateTime } from '../../../../shared/time';
import type { FrontDoor } from '../../audit/chain';
import type { ArchivePaths } from '../../vault/archive-files';
import { openSlot, readKeySlotFile, slotIdFor } from '../../vault/key-slots';
import type { AttemptPurpose, SealedAttempt } from '../../vault/signin-state';
import { clearReservation, failReservation, reserveAttempt, takeBackReservation, withUnrecordedNote } from './attempt-reservation';

export interface PasswordTry {
  paths: ArchivePaths;
  login: string;
  frontDoor: FrontDoor;
  now: () => Date;
  /** Where a password other than the sign-in's was asked for (a witness's, the current one when changing it). */
  purpose?: AttemptPurpose;
}

/**
 * A password tried under its account's lockout, wherever it is asked for: reserved before the key
 * derivation (attempt-reservation.ts), a wrong one counted and sealed into the sign-in state – it
 * reaches the audit trail at the next sign-in – the account locked at the limit, a locked account
 * refused without trying. Otherwise a screen that asks for someone's password would let its user
 * guess it without end. `attempt` proves the password: the whole archive opened at sign-in, the key
 * slot elsewhere; its WRONG_PASSWORD is what counts.
 */
export async function underLockout<T>(tried: PasswordTry, attempt: () => Promise<T>): Promise<{ value: T; account: string; ownAttempt: SealedAttempt | null }> {
  const slots = readKeySlotFile(tried.paths.keySlots);
  const account = slotIdFor(slots, tried.login);
  const path = tried.paths.signinState;
  const recorded = {
    at: tried.now().toISOString(),
    login: normalizeLogin(tried.login),
    frontDoor: tried.frontDoor,
    reason: slots.slots.some((s) => s.id === account) ? ('wrong-password' as const) : ('unknown-user' as const),
    ...(tried.purpose ? { purpose: tried.purpose } : {}),
  };
  const reservation = await reserveAttempt(path, account, recorded, tried.now);
  if (reservation.kind === 'refused') throw withUnrecordedNote(lockedError(reservation.lockedUntil), reservation.unrecorded);
  try {
    const value = await attempt();
    await clearReservation(path, account, reservation);
    return { value, account, ownAttempt: reservation.sealed };
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_PASSWORD') {
      const locksUntil = await failReservation(path, account, reservation, tried.now());
      const refusal = locksUntil
        ? new AppError('LOCKED', {
            zh: `连续 ${reservation.maxAttempts} 次密码错误，账户已锁定至 ${formatLocalDateTime(locksUntil)}`,
            en: `${reservation.maxAttempts} wrong passwords in a row: the account is locked until ${formatLocalDateTime(locksUntil)}`,
          })
        : error;
      throw withUnrecordedNote(refusal, reservation.unrecorded);
    }
    const stale = error instanceof AppError && error.code === 'KEY_SLOT_STALE';
    await takeBackReservation(path, account, reservation, stale ? recorded : null);
    throw error;
  }
}

/** A user's password proven by opening their key slot (the key is wiped at once), under their lockout. */
export async function provePassword(tried: PasswordTry, password: string): Promise<void> {
  await underLockout(tried, async () => (await openSlot(readKeySlotFile(tried.paths.keySlots), tried.login, password)).fill(0));
}

export function lockedError(until: Date): AppError {
  return new AppError('LOCKED', { zh: `账户已锁定，请于 ${formatLocalDateTime(until)} 后再试`, en: `The account is locked; try again after ${formatLocalDateTime(until)}` });
}
