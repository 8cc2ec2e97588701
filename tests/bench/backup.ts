import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSheet } from '../../electron/cli/bench/catalogue-bench';
import { SampleData } from '../../electron/cli/bench/sample-data';
import type { Figure } from '../../electron/cli/bench/stats';
import { backupFileName } from '../../electron/core/backup/backup-format';
import { runBackupJob } from '../../electron/core/backup/backup-thread';
import { createCore, type Core } from '../../electron/core/core';
import { checkKeys, checkedOf, keyCopy, takenOf } from '../../electron/core/services/backup/backup-jobs';
import { stageLocalFile } from '../../electron/core/staging/stage-local-file';
import { archivePaths } from '../../electron/core/vault/archive-files';
import { openSlot, readKeySlotFile } from '../../electron/core/vault/key-slots';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { stageInChunks } from '../../shared/staging-upload';
import { migrationsDir } from '../helpers/paths';
import { scannedPage, variant } from '../../electron/cli/bench/scan-filing-bench';

export interface BackupBenchOptions {
  /** Dossiers imported first (the database part). */
  dossiers: number;
  /** Megabytes of scanned pages filed (the attachments part). */
  scanMegabytes: number;
  progress: (text: string) => void;
}

const ADMIN = { login: 'bench-admin', displayName: '基准测试管理员', password: 'bench-password-1' };
/** Targets of the lifecycle issue; printed against, never asserted. */
const TARGET = { databaseSeconds: 30, backupMegabytesPerSecond: 100, verifyMegabytesPerSecond: 150 };
const BATCH = 200;
const MB = 1024 * 1024;

async function must<C extends Channel>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.invoke(channel, input, 'cli');
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.messageEn}`);
  return result.data as OutputOf<C>;
}

/** Every file under a folder, with its size. */
function filesIn(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, size: statSync(path).size };
    });
}

/** The plain copy the backup is compared with: the database file and every stored scan copied and fsynced, nothing else. */
function plainCopy(files: readonly { path: string; size: number }[], into: string): number {
  mkdirSync(into);
  const began = performance.now();
  files.forEach((file, i) => {
    const target = join(into, String(i));
    copyFileSync(file.path, target);
    const fd = openSync(target, 'r');
    fsyncSync(fd);
    closeSync(fd);
  });
  return performance.now() - began;
}

/**
 * `npm run bench` – a backup of an archive of `dossiers` dossiers and `scanMegabytes` of scans (the
 * issue: 200,000 and 10 GB): the database snapshot, the whole file at MB/s, the restore drill
 * (check) at MB/s, beside a plain copy of the same files measured in the same run.
 */
export async function runBackupBench(options: BackupBenchOptions): Promise<{ figures: Figure[]; notes: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-backup-bench-'));
  const dataDir = join(root, 'archive');
  const core = createCore({ dataDir, migrationsDir, appVersion: 'bench', idleCheckIntervalMs: 0, log: () => undefined });
  const notes: string[] = [];
  let closed = false;
  try {
    await must(core, 'archive:create', { admin: ADMIN });
    options.progress(`backup: importing ${options.dossiers} dossiers …`);
    const sheet = join(root, '客户.csv');
    await writeSheet(sheet, options.dossiers, new SampleData());
    const staged = await stageLocalFile(sheet, 'import', (channel, input) => must(core, channel, input));
    const opened = await must(core, 'import:open', { stagedFileId: staged.stagedFileId });
    await must(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    rmSync(sheet);

    const page = await scannedPage();
    const pages = Math.ceil((options.scanMegabytes * MB) / page.length);
    options.progress(`backup: filing ${pages} scanned pages (${options.scanMegabytes} MB) …`);
    const { archiveNumber } = await must(core, 'dossier:create', { title: '备份基准档案' });
    for (let start = 0; start < pages; start += BATCH) {
      const ids: string[] = [];
      for (let i = start; i < Math.min(pages, start + BATCH); i += 1) {
        const file = variant(page, i);
        const source = { name: `IMG_${i}.jpg`, size: file.length, read: (offset: number, length: number) => Promise.resolve(new Uint8Array(file.subarray(offset, offset + length))) };
        ids.push((await stageInChunks(source, 'scan', (channel, input) => must(core, channel, input))).stagedFileId);
      }
      // One paper of many pages per batch, as a scanner's batch is filed: a dossier of tens of
      // thousands of one-page documents is no archive's.
      await must(core, 'scan:add', { archiveNumber, stagedFileIds: ids, title: `扫描件 第 ${start / BATCH + 1} 批` });
    }
    await core.close();
    closed = true;

    const paths = archivePaths(dataDir);
    const files = [{ path: paths.database, size: statSync(paths.database).size }, ...filesIn(paths.scans)];
    const megabytes = files.reduce((sum, f) => sum + f.size, 0) / MB;
    options.progress(`backup: a plain copy of ${megabytes.toFixed(0)} MB for comparison …`);
    const copyMs = plainCopy(files, join(root, 'copy'));
    rmSync(join(root, 'copy'), { recursive: true, force: true });

    options.progress('backup: taking the backup …');
    const folder = join(root, 'backups');
    mkdirSync(folder);
    const dataKey = await openSlot(readKeySlotFile(paths.keySlots), ADMIN.login, ADMIN.password);
    const archiveId = readKeySlotFile(paths.keySlots).archiveId;
    const about = { backupId: randomUUID(), archiveId, takenAt: new Date().toISOString(), takenBy: ADMIN.login, appVersion: 'bench', reason: 'bench' };
    const began = performance.now();
    const taken = takenOf(await runBackupJob({ kind: 'take', job: { databaseFile: paths.database, keySlotsFile: paths.keySlots, scansRoot: paths.scans, folder, fileName: backupFileName(new Date()), dataKey: keyCopy(dataKey), about } }));
    const backupMs = performance.now() - began;
    options.progress('backup: the restore drill (check) …');
    const checkedAt = performance.now();
    const checked = checkedOf(await runBackupJob({ kind: 'check', source: { file: join(folder, taken.fileName) }, folder: join(root, 'check'), keys: checkKeys({ archiveId, dataKey }, { migrationsDir, now: () => new Date() }) }));
    const checkMs = performance.now() - checkedAt;
    dataKey.fill(0);
    if (!checked.ok) throw new Error(`the backup failed its check: ${checked.checks.filter((c) => !c.ok).map((c) => c.messageEn).join('; ')}`);

    const fileMb = taken.size / MB;
    const databaseMb = (files[0]?.size ?? 0) / MB;
    const rate = (mb: number, ms: number) => (mb / (ms / 1000)).toFixed(0);
    notes.push(
      `backup of ${options.dossiers} dossiers (database ${databaseMb.toFixed(0)} MB) and ${taken.manifest.counts.scanFiles} scans (${(megabytes - databaseMb).toFixed(0)} MB): ` +
        `database snapshot ${(taken.timings.snapshotMs / 1000).toFixed(1)} s (target ≤ ${TARGET.databaseSeconds} s); ` +
        `whole file ${fileMb.toFixed(0)} MB in ${(backupMs / 1000).toFixed(1)} s = ${rate(fileMb, backupMs)} MB/s, writing after the snapshot ${rate(fileMb, taken.timings.packMs)} MB/s (target ≥ ${TARGET.backupMegabytesPerSecond}); ` +
        `restore drill (check) ${(checkMs / 1000).toFixed(1)} s = ${rate(fileMb, checkMs)} MB/s (target ≥ ${TARGET.verifyMegabytesPerSecond}); ` +
        `plain copy of the same files (copy and fsync each) ${rate(megabytes, copyMs)} MB/s`,
    );
    return { figures: [], notes };
  } finally {
    if (!closed) await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}
