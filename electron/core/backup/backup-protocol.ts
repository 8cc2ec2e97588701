import type { StagedFileSource } from '../staging/staged-file-format';
import type { BackupKeys, CheckedBackup } from './check-backup';
import type { TakeBackupJob, TakenBackup } from './take-backup';

/** Where a backup's bytes come from: a file the core was told of, or a staged file (a restore). */
export type BackupSource = { file: string } | { staged: StagedFileSource };

/** The backup thread's jobs (backup-worker.ts); every key in them is a copy the thread wipes. */
export type BackupJob =
  | { kind: 'take'; job: TakeBackupJob }
  /** Unpacks into `folder` (made, then removed) and checks. */
  | { kind: 'check'; source: BackupSource; folder: string; keys: BackupKeys }
  /** Unpacks into `folder` inside `dataDir` with the scans, checks, and when all is well puts the parts in place. */
  | { kind: 'restore'; source: BackupSource; folder: string; dataDir: string; keys: BackupKeys };

export type BackupJobResult = { kind: 'take'; taken: TakenBackup } | { kind: 'check'; checked: CheckedBackup };

/** What the thread answers: the result, or why it failed (an errno code when the disk said no). */
export type BackupReply = { ok: true; result: BackupJobResult } | { ok: false; message: string; code: string | null };
