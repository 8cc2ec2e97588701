import { z } from 'zod';
import { currentPasswordSchema, loginSchema } from '../schemas';
import { bilingual } from '../validation';
import type { VerifyCheck, VerifyReport } from './archive';
import { mutation, query, returns } from './define';
import type { SessionInfo } from './session';

/**
 * Backups (BK-01): one encrypted file per backup in a folder an administrator names (a second disk,
 * a removable drive, a network share) – the database as one snapshot, the key slots and every scan,
 * with a sealed manifest of hashes. A backup is checked right after it is written, and only then
 * recorded as good; it opens only with a password of the archive.
 */
export interface BackupCheck {
  /** backup-record: the file is still the backup this archive recorded under its name (only for files it recorded). */
  name: VerifyCheck['name'] | 'backup-contents' | 'backup-snapshot' | 'backup-record';
  ok: boolean;
  message: string;
  messageEn: string;
}

/** What a backup holds, from its manifest. */
export interface BackupSummary {
  backupId: string;
  takenAt: string;
  /** Login of whoever took it. */
  takenBy: string;
  reason: string;
  appVersion: string;
  counts: { dossiers: number; documents: number; scanFiles: number; users: number; auditEvents: number };
  auditHead: { id: number; hash: string; at: string } | null;
  /** Scans the archive had lost when it was taken (not in the backup). */
  missingScans: number;
  /** Scans carried as they were although they already failed their check. */
  damagedScans: number;
}

export interface BackupTaken {
  folder: string;
  fileName: string;
  size: number;
  /** SHA-256 of the whole file, as recorded in the audit trail. */
  sha256: string;
  /** Whether the check after writing passed: only then is the backup counted as good. */
  ok: boolean;
  summary: BackupSummary;
  checks: BackupCheck[];
}

export interface BackupChecked {
  fileName: string;
  ok: boolean;
  /** Null when the file could not even be read as this archive's backup. */
  summary: BackupSummary | null;
  checks: BackupCheck[];
}

export interface BackupFile {
  fileName: string;
  size: number;
  modifiedAt: string;
  /** As the audit trail recorded it when it was taken (null: not taken by this archive, or by hand). */
  recorded: { takenAt: string; takenBy: string; ok: boolean; sha256: string } | null;
}

export interface BackupListing {
  folder: string;
  backups: BackupFile[];
}

export interface Restored {
  session: SessionInfo;
  summary: BackupSummary;
  /** `verify` of the restored archive, run at once. */
  report: VerifyReport;
}

/** Where the schedule stands, for the workbench and the backup page. */
export interface BackupStatus {
  /** The folder scheduled backups go into ('' when none is set: nothing is scheduled). */
  folder: string;
  intervalDays: number;
  lastGood: { fileName: string; takenAt: string } | null;
  /** Whole days since the last good backup; null when there was none. */
  ageDays: number | null;
  /** A backup is due now (why: `dueReason`). */
  due: boolean;
  /** 'never': none taken yet; 'schedule': older than the schedule allows; else the audit action of an important event since the last one (an import, a change of settings). */
  dueReason: string | null;
  /** Older than the schedule allows, or none at all (also while no folder is set: then nothing backs the archive up): the workbench warns. */
  overdue: boolean;
  lastDrill: { fileName: string; at: string; ok: boolean } | null;
  /** The restore drill of the latest backup is due (monthly by default). */
  drillDue: boolean;
  /** A backup or drill of this program is under way. */
  running: boolean;
  /** The last backup or drill that failed after the last good one: when, and why. */
  lastFailure: { at: string; message: string; messageEn: string } | null;
  /** This archive was restored from a backup taken at `takenAt` (null: never restored). */
  restoredFrom: { takenAt: string; restoredAt: string } | null;
}

export interface BackupRun {
  /** What was done now: a backup, the drill of the latest backup, or nothing (nothing due, or one already running). */
  ran: 'backup' | 'drill' | null;
  ok: boolean | null;
  status: BackupStatus;
}

const absolutePath = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'), bilingual('请填写完整路径（绝对路径）', 'Give the full (absolute) path'));

export const backupContract = {
  /** Takes a backup into `folder` now, checks it, and records it (as good, or loudly as failed). */
  'backup:create': mutation({
    access: 'archive.backup',
    input: z.strictObject({ folder: absolutePath }),
    output: returns<BackupTaken>(),
  }),
  /** The backups in a folder, newest first, each with what the audit trail recorded when it was taken. */
  'backup:list': query({
    access: 'archive.backup',
    input: z.strictObject({ folder: absolutePath }),
    output: returns<BackupListing>(),
  }),
  /** The restore drill: the backup unpacked into a temporary place and checked like a restored archive. */
  'backup:verify': mutation({
    access: 'archive.backup',
    input: z.strictObject({ file: absolutePath }),
    output: returns<BackupChecked>(),
  }),
  'backup:status': query({
    access: 'session',
    poll: true,
    input: z.strictObject({}),
    output: returns<BackupStatus>(),
  }),
  /**
   * Called by the window after sign-in and every few minutes, by whoever is signed in: takes the
   * scheduled backup (into the setting's folder) when one is due – by the schedule (BK-01: at least
   * weekly) or at once after an important event – keeps the last N, and runs the restore drill of
   * the latest backup when it is due. Writes (and records) only when something was due.
   */
  'backup:run-due': mutation({
    access: 'session',
    writesWhenDue: true,
    poll: true,
    input: z.strictObject({}),
    output: returns<BackupRun>(),
  }),
  /**
   * First run: restores a backup (staged for `restore`) into this empty data folder, opened with a
   * password of the archive it came from; `verify` runs at once and the user is signed in.
   */
  'archive:restore': mutation({
    access: 'public',
    input: z.strictObject({ stagedFileId: z.string().uuid(), login: loginSchema, password: currentPasswordSchema }),
    output: returns<Restored>(),
  }),
};
