import { AppError } from '../../../../shared/errors';
import type { BackupJobResult } from '../../backup/backup-protocol';
import type { BackupKeys, CheckedBackup } from '../../backup/check-backup';
import type { TakenBackup } from '../../backup/take-backup';
import type { CoreEnv } from '../../context';
import type { OpenedArchive } from '../../vault/opened-archive';

/**
 * A copy of a key in memory of its own: `Buffer.from` would take it from Node's shared pool, whose
 * whole 8 KB block – other keys' copies with it – is what a thread is sent.
 */
export function keyCopy(key: Uint8Array): Buffer {
  const copy = Buffer.alloc(key.length);
  copy.set(key);
  return copy;
}

/** The keys a check or restore needs: a copy of the data key, which the caller wipes once the job has ended. */
export function checkKeys(archive: Pick<OpenedArchive, 'archiveId' | 'dataKey'>, env: Pick<CoreEnv, 'migrationsDir' | 'now'>): BackupKeys {
  return { dataKey: keyCopy(archive.dataKey), archiveId: archive.archiveId, migrationsDir: env.migrationsDir, now: env.now().toISOString() };
}

export function takenOf(result: BackupJobResult): TakenBackup {
  if (result.kind !== 'take') throw new AppError('INTERNAL');
  return result.taken;
}

export function checkedOf(result: BackupJobResult): CheckedBackup {
  if (result.kind !== 'check') throw new AppError('INTERNAL');
  return result.checked;
}

/** Data folders with a backup or drill under way in this process (shown as running; a second is not started). */
const underWay = new Set<string>();

export function isUnderWay(dataDir: string): boolean {
  return underWay.has(dataDir);
}

/** Runs `work` marked as under way for this data folder; refused while another runs. */
export async function whileUnderWay<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  if (underWay.has(dataDir)) throw new AppError('CONFLICT', { zh: '已有备份或检验正在进行，请稍后再试', en: 'A backup or check is already under way; try again shortly' });
  underWay.add(dataDir);
  try {
    return await work();
  } finally {
    underWay.delete(dataDir);
  }
}

/** An error's words, for the audit trail and the status. */
export function failureText(error: AppError): { zh: string; en: string } {
  return { zh: error.messageZh, en: error.messageEn };
}
