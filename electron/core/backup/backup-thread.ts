import { AppError } from '../../../shared/errors';
import { spawnCoreWorker } from '../core-worker';
import type { BackupJob, BackupJobResult, BackupReply } from './backup-protocol';

/** Reading whole scans (up to the size limit) and the parser's chunks: a modest heap. */
const LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 };

/**
 * Runs one backup job on a thread of its own (backup-worker.ts) and waits for it. The keys in the
 * job are copied to the thread (which wipes its copies); the caller wipes its own.
 */
export function runBackupJob(job: BackupJob): Promise<BackupJobResult> {
  return new Promise((resolve, reject) => {
    const worker = spawnCoreWorker({ name: 'backupWorker', source: new URL('./backup-worker.ts', import.meta.url), caller: import.meta.url }, job, LIMITS);
    let answered = false;
    worker.once('message', (reply: BackupReply) => {
      answered = true;
      if (reply.ok) resolve(reply.result);
      else reject(failure(reply.message, reply.code, job.kind));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      answered = true;
      reject(failure(error.message, null, job.kind));
    });
    worker.once('exit', (code) => {
      if (!answered) reject(failure(`the backup thread ended (${code})`, null, job.kind));
    });
  });
}

/** Where a job writes: a backup into its folder; a check into the system's temporary folder; a restore into the data folder. */
const WRITES_TO = {
  take: { zh: '备份文件夹所在的磁盘', en: 'the backup folder’s disk' },
  check: { zh: '系统临时文件夹所在的磁盘（检验需要与数据库一样大的临时空间）', en: 'the disk of the system’s temporary folder (a check needs room for a copy of the database)' },
  restore: { zh: '数据文件夹所在的磁盘', en: 'the data folder’s disk' },
} as const;

function failure(message: string, code: string | null, kind: BackupJob['kind']): AppError {
  const disk = WRITES_TO[kind];
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new AppError('DISK_FULL', { zh: `${disk.zh}已满：未完成，不完整的文件已删除`, en: `${disk.en} is full: not finished, and the partial files were removed` });
  if (code !== null && ['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'EACCES', 'EPERM', 'EROFS'].includes(code)) {
    return new AppError('READ_ONLY', { zh: `无法写入${disk.zh}（没有权限或只读）`, en: `Cannot write to ${disk.en} (no permission, or read-only): ${message}` });
  }
  if (code === 'EFBIG') return new AppError('VALIDATION', { zh: '目标磁盘不支持这么大的文件（如 FAT32 格式的 U 盘最大 4 GB）：请换用 NTFS/exFAT 格式的磁盘', en: 'The disk does not take a file this large (a FAT32 drive stops at 4 GB): use an NTFS or exFAT disk' });
  return new AppError('INTERNAL', { zh: `备份操作失败：${message}`, en: `The backup operation failed: ${message}` });
}
