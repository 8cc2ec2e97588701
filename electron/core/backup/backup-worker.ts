import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readStagedFile } from '../staging/staged-file-reader';
import { removeBackupLeftovers } from './backup-leftovers';
import type { BackupJob, BackupJobResult, BackupReply, BackupSource } from './backup-protocol';
import { checkBackup } from './check-backup';
import { putRestoredInPlace } from './put-in-place';
import { takeBackup } from './take-backup';
import { fileChunks } from './tar-reader';

/**
 * The backup thread: takes, checks and restores backups – gigabytes read, hashed and written –
 * beside the core, which goes on answering. One job per thread; its keys are wiped when it ends.
 */
const job = workerData as BackupJob;

const chunksOf = (source: BackupSource) => ('file' in source ? fileChunks(source.file) : readStagedFile(source.staged));

async function run(): Promise<BackupJobResult> {
  switch (job.kind) {
    case 'take':
      return { kind: 'take', taken: takeBackup(job.job) };
    case 'check':
      if ('file' in job.source) removeBackupLeftovers(dirname(job.source.file));
      try {
        return { kind: 'check', checked: await checkBackup(chunksOf(job.source), job.folder, null, job.keys) };
      } finally {
        rmSync(job.folder, { recursive: true, force: true });
        job.keys.dataKey.fill(0);
      }
    case 'restore': {
      let placed = false;
      try {
        const checked = await checkBackup(chunksOf(job.source), job.folder, join(job.folder, 'scans'), job.keys);
        if (checked.ok) {
          putRestoredInPlace(job.folder, job.dataDir, job.keys);
          placed = true;
        }
        return { kind: 'check', checked };
      } finally {
        if (!placed) rmSync(job.folder, { recursive: true, force: true });
        job.keys.dataKey.fill(0);
      }
    }
  }
}

run().then(
  (result) => parentPort?.postMessage({ ok: true, result } satisfies BackupReply),
  (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), code: (error as NodeJS.ErrnoException).code ?? null } satisfies BackupReply),
);
