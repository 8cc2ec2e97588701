import type { LockReason, SessionInfo, SessionUser } from '../../shared/contract';
import type { OpenedArchive } from './vault/opened-archive';

/** The signed-in user with the unlocked archive. At most one per core: one workstation, one user. */
export interface ActiveSession {
  readonly archive: OpenedArchive;
  readonly user: SessionUser;
  idleLockMinutes: number;
  lastActivityAt: number;
}

export function sessionInfo(session: ActiveSession): SessionInfo {
  return { user: session.user, idleLockMinutes: session.idleLockMinutes };
}

export function isIdle(session: ActiveSession, now: number): boolean {
  return now - session.lastActivityAt >= session.idleLockMinutes * 60_000;
}

/** Why the archive is locked now: shown on the sign-in screen after an automatic lock. */
export interface LockState {
  lastLockReason: LockReason | null;
}
