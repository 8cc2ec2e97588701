import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { queryAuditEvents } from '../../../../db/repositories/audit';
import type { Db } from '../../../../db/open';
import type { BackupFile, BackupListing } from '../../../../shared/contract';
import { isBackupFileName } from '../../backup/backup-format';
import { backupFolder } from './backup-folder';

/** A backup file with what the audit trail recorded when it was taken, and that event's id (the order they were taken in). */
export type RecordedBackupFile = BackupFile & { eventId: number | null };

/** The backups in a folder, newest first (as taken, by the audit trail; files it does not know by their time), each with what was recorded. */
export function listBackupFiles(db: Db, folder: string, dataDir: string): { folder: string; backups: RecordedBackupFile[] } {
  const path = backupFolder(folder, dataDir);
  const files = readdirSync(path)
    .filter(isBackupFileName)
    .flatMap((fileName) => {
      try {
        const stat = statSync(join(path, fileName));
        return stat.isFile() ? [{ fileName, size: stat.size, modifiedAt: stat.mtime.toISOString() }] : [];
      } catch {
        return []; // Removed meanwhile (another program keeping the last N).
      }
    });
  const recorded = recordedBackups(db, path, files);
  const backups = files
    .map((file): RecordedBackupFile => {
      const found = recorded.get(file.fileName);
      return { ...file, recorded: found?.recorded ?? null, eventId: found?.eventId ?? null };
    })
    .sort((a, b) => (b.eventId ?? 0) - (a.eventId ?? 0) || b.modifiedAt.localeCompare(a.modifiedAt));
  return { folder: path, backups };
}

export function listBackups(db: Db, folder: string, dataDir: string): BackupListing {
  const { folder: path, backups } = listBackupFiles(db, folder, dataDir);
  return { folder: path, backups: backups.map(({ eventId: _, ...file }) => file) };
}

/**
 * The files this archive recorded as its backups when it took them: the same name, folder and size
 * (a file of another archive under the same name is not taken for one of ours).
 */
function recordedBackups(db: Db, folder: string, files: readonly { fileName: string; size: number }[]): Map<string, { recorded: NonNullable<BackupFile['recorded']>; eventId: number }> {
  const found = new Map<string, { recorded: NonNullable<BackupFile['recorded']>; eventId: number }>();
  if (files.length === 0) return found;
  const sizes = new Map(files.map((f) => [f.fileName, f.size]));
  const targets = files.map((f) => ({ type: 'backup', id: f.fileName }));
  // Each action asked on its own: checks of a backup (backup:verify) never crowd out the event that took it.
  const events = ['backup:create', 'backup:failed'].flatMap((action) => queryAuditEvents(db, { action, targets, limit: files.length * 2 }));
  for (const event of events.sort((a, b) => b.id - a.id)) {
    if (!event.targetId || found.has(event.targetId)) continue;
    const summary = JSON.parse(event.summary ?? '{}') as { sha256?: string; ok?: boolean; folder?: string; size?: number };
    if (summary.size !== sizes.get(event.targetId) || (summary.folder !== undefined && summary.folder !== folder)) continue;
    found.set(event.targetId, { recorded: { takenAt: event.at, takenBy: event.userLogin ?? '', ok: summary.ok === true, sha256: summary.sha256 ?? '' }, eventId: event.id });
  }
  return found;
}
