import type { Db } from '../../db/open';
import type { UserRecord } from '../../db/repositories/users';
import type { AuditDraft, FrontDoor } from './audit/chain';
import type { Change } from './context';
import type { LockReason, SessionInfo, SessionUser, Settings } from '../../shared/contract';
import type { ArchiveCondition } from './integrity/archive-condition';
import type { StagedImport } from './staged-import';
import type { SealAhead } from './attachments/seal-ahead';
import type { StagingArea } from './staging/staging-area';
import type { OpenedArchive } from './vault/opened-archive';

/** The signed-in user with the unlocked archive. At most one per core: one workstation, one user. */
export interface ActiveSession {
  readonly archive: OpenedArchive;
  /** Re-read at every call, so a changed role, clearance or a disabled account takes effect at once. */
  record: UserRecord;
  user: SessionUser;
  settings: Settings;
  idleLockMinutes: number;
  lastActivityAt: number;
  /** Files opened for import in this session, by id; forgotten at lock. */
  readonly stagedImports: Map<string, StagedImport>;
  /** Files staged in this session (the one way files enter the core); wiped when the session ends. */
  readonly stagedFiles: StagingArea;
  /** The staged scans sealed ahead of their filing (told of them by stagedFiles); closed when the session ends. */
  readonly sealAhead: SealAhead;
  /** Work going on between calls (a rebuild of the search index), while it lasts. */
  background: BackgroundJob | null;
  /** Why this archive may be read but not written now (damage, a rollback, a read-only folder); null when all is well. */
  condition: ArchiveCondition | null;
  /** A sign-in not yet in the audit trail because another program held the archive (see core.ts). */
  pendingSignIn: { audit: AuditDraft; settle?: Change<void>; frontDoor: FrontDoor; at: Date } | null;
}

/**
 * Work that goes on after the call that began it, a step at a time, each step its own
 * transaction between the user's calls. A lock stops it; it must then be safe to begin again.
 */
export interface BackgroundJob {
  readonly kind: 'search-index' | 'search-merge';
  readonly done: number;
  readonly total: number;
  readonly finished: boolean;
  step(db: Db): void;
  /** Recorded (as the system) in the transaction of the last step; null for upkeep that changes no record. */
  readonly audit: AuditDraft | null;
}

export function sessionInfo(session: ActiveSession): SessionInfo {
  const { condition } = session;
  return { user: session.user, idleLockMinutes: session.idleLockMinutes, condition: condition ? { code: condition.code, message: condition.message.zh, messageEn: condition.message.en } : null };
}

export function isIdle(session: ActiveSession, now: number): boolean {
  return idleLockIn(session, now) === 0;
}

/** How long until the idle lock strikes, in milliseconds (0: due now). */
export function idleLockIn(session: ActiveSession, now: number): number {
  return Math.max(0, session.lastActivityAt + session.idleLockMinutes * 60_000 - now);
}

/** Why the archive is locked now: shown on the sign-in screen after an automatic lock. */
export interface LockState {
  lastLockReason: LockReason | null;
}
