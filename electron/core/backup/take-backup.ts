import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqlite } from '../../../db/connection';
import { applyKey } from '../../../db/raw-key';
import { storedPath } from '../attachments/file-store';
import { openSealedFile, SealBroken } from '../attachments/sealed-file';
import { fsyncDirectory } from '../fs/atomic-write';
import { deriveSubkey } from '../vault/subkeys';
import { partialNames, removeBackupLeftovers } from './backup-leftovers';
import { BACKUP_EXTENSION, ENTRY, manifestKeyOf, MANIFEST_FORMAT, MANIFEST_VERSION, sealManifest, type BackupManifest } from './backup-format';
import { snapshotFacts, type SnapshotFacts } from './snapshot-facts';
import { TarWriter } from './tar-writer';

export interface TakeBackupJob {
  databaseFile: string;
  keySlotsFile: string;
  scansRoot: string;
  folder: string;
  fileName: string;
  /** A copy of the data key, wiped when the job ends. */
  dataKey: Uint8Array;
  about: Pick<BackupManifest, 'backupId' | 'archiveId' | 'takenAt' | 'takenBy' | 'appVersion' | 'reason'>;
}

export interface TakenBackup {
  fileName: string;
  size: number;
  sha256: string;
  manifest: Omit<BackupManifest, 'scans'>;
  /** Where the time went: the database snapshot, and writing the file (key slots, database, scans). */
  timings: { snapshotMs: number; packMs: number };
}

/** Tries at a snapshot whose key slots are those of the moment it was taken (a password changed meanwhile: again). */
const SNAPSHOT_TRIES = 3;

/**
 * Writes a backup file (backup-format.ts) into `folder`: a snapshot of the database taken with
 * VACUUM INTO on a connection of its own (the archive goes on being written meanwhile), the key
 * slots, and every stored scan the snapshot refers to, each checked as it is read. Written under a
 * hidden temporary name, fsynced, then renamed: a file with the backup's name is always whole.
 */
export function takeBackup(job: TakeBackupJob): TakenBackup {
  removeBackupLeftovers(job.folder);
  const names = partialNames(job.fileName);
  const partial = join(job.folder, names.file);
  const snapshot = join(job.folder, names.snapshot);
  const databaseKey = deriveSubkey(job.dataKey, 'database');
  const contentKey = deriveSubkey(job.dataKey, 'attachment-content');
  const manifestKey = manifestKeyOf(job.dataKey);
  try {
    const began = performance.now();
    const keySlots = snapshotWithKeySlots(job, snapshot, databaseKey);
    const facts = factsOf(snapshot, databaseKey);
    const snapshotDone = performance.now();
    const fd = openSync(partial, 'wx', 0o600);
    let whole: { size: number; sha256: string };
    let manifest: BackupManifest;
    try {
      const tar = new TarWriter(fd, new Date(job.about.takenAt));
      const keySlotsEntry = tar.add(ENTRY.keySlots, keySlots);
      const databaseEntry = tar.addFile(ENTRY.database, snapshot, statSync(snapshot).size);
      const scans: BackupManifest['scans'] = {};
      const missingScans: string[] = [];
      const damagedScans: string[] = [];
      for (const [address, size] of facts.scanFiles) {
        const sealed = readIfThere(storedPath(job.scansRoot, address));
        if (!sealed) {
          missingScans.push(address);
          continue;
        }
        if (!sealIntact(contentKey, address, sealed, size)) damagedScans.push(address);
        scans[address] = tar.add(`${ENTRY.scanPrefix}${address}`, sealed);
      }
      const { scanFiles: _, ...recorded } = facts;
      manifest = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, ...job.about, ...recorded, keySlots: keySlotsEntry, database: databaseEntry, scans, missingScans, damagedScans };
      tar.add(ENTRY.manifest, sealManifest(manifestKey, manifest));
      whole = tar.finish();
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Two programs backing up in the same second: the second name gets a number.
    const fileName = freeName(job.folder, job.fileName);
    renameSync(partial, join(job.folder, fileName));
    fsyncDirectory(job.folder);
    const { scans: _, ...summary } = manifest;
    return { fileName, size: whole.size, sha256: whole.sha256, manifest: summary, timings: { snapshotMs: snapshotDone - began, packMs: performance.now() - snapshotDone } };
  } finally {
    rmSync(partial, { force: true });
    rmSync(snapshot, { force: true });
    databaseKey.fill(0);
    contentKey.fill(0);
    manifestKey.fill(0);
    job.dataKey.fill(0);
  }
}

/** The snapshot, and the key slots as they were around it (read before and after; equal, or taken again). */
function snapshotWithKeySlots(job: TakeBackupJob, snapshot: string, databaseKey: Uint8Array): Buffer {
  for (let tries = 1; ; tries += 1) {
    const before = readFileSync(job.keySlotsFile);
    rmSync(snapshot, { force: true });
    const sqlite = openSqlite(job.databaseFile, { readonly: true, fileMustExist: true });
    try {
      applyKey(sqlite, databaseKey);
      sqlite.prepare('VACUUM INTO ?').run(snapshot);
    } finally {
      sqlite.close();
    }
    const after = readFileSync(job.keySlotsFile);
    if (before.equals(after)) return after;
    if (tries === SNAPSHOT_TRIES) throw new Error('the key slots kept changing while the snapshot was taken');
  }
}

function factsOf(snapshot: string, databaseKey: Uint8Array): SnapshotFacts {
  const sqlite = openSqlite(snapshot, { readonly: true, fileMustExist: true });
  try {
    applyKey(sqlite, databaseKey);
    return snapshotFacts(sqlite);
  } finally {
    sqlite.close();
  }
}

function readIfThere(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function sealIntact(contentKey: Uint8Array, address: string, sealed: Uint8Array, size: number): boolean {
  try {
    openSealedFile(contentKey, address, sealed, size);
    return true;
  } catch (error) {
    if (error instanceof SealBroken) return false;
    throw error;
  }
}

/** `name`, or `name-2`, `name-3` … – the first no file has. */
function freeName(folder: string, name: string): string {
  const stem = name.slice(0, -BACKUP_EXTENSION.length);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem}-${n}${BACKUP_EXTENSION}`;
    if (!existsSync(join(folder, candidate))) return candidate;
  }
}
