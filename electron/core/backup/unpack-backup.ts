import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { storedPath } from '../attachments/file-store';
import type { Message } from '../../../shared/errors';
import { ENTRY, manifestArchiveId, openManifest, type BackupManifest } from './backup-format';
import { NotATar, readTar, type EntrySink, type ReadTarEntry } from './tar-reader';

/** Where a backup's parts are written: the database and key slots always, the scans when `scansRoot` is given. */
export interface UnpackPlace {
  folder: string;
  scansRoot: string | null;
}

export type Unpacked = { ok: true; manifest: BackupManifest } | { ok: false; problem: Message };

const SCAN_ENTRY = /^scans\/([0-9a-f]{64})$/;

/**
 * Reads a backup once from start to end: writes its parts where `place` says (each fsynced), hashes
 * every entry, then opens its manifest and compares: every entry there with the size and hash the
 * manifest records, nothing more, nothing less. A backup that is not this archive's, altered, cut
 * off or not a backup at all is told as such.
 */
export async function unpackBackup(chunks: AsyncIterable<Uint8Array>, place: UnpackPlace, manifestKey: Uint8Array, archiveId: string): Promise<Unpacked> {
  let manifestBytes: Buffer | null = null;
  let entries: ReadTarEntry[];
  try {
    const written = new Set<string>();
    entries = await readTar(chunks, (name) => {
      // A name given twice is only hashed the second time (and told by the comparison).
      if (written.has(name)) return null;
      written.add(name);
      if (name === ENTRY.manifest) return collect((bytes) => (manifestBytes = bytes));
      if (name === ENTRY.database || name === ENTRY.keySlots) return fileSink(join(place.folder, name));
      const scan = SCAN_ENTRY.exec(name);
      if (scan && place.scansRoot) return fileSink(storedPath(place.scansRoot, scan[1] as string));
      return null;
    });
  } catch (error) {
    if (!(error instanceof NotATar)) throw error;
    return problem('不是完整的备份文件（文件不完整、已损坏或不是备份）', `Not a whole backup file (${error.message})`);
  }
  if (!manifestBytes) return problem('备份文件缺少清单（不是本程序的备份，或文件不完整）', 'The backup has no manifest (not a backup of this program, or incomplete)');
  const manifest = openManifest(manifestKey, manifestBytes);
  if (!manifest) {
    const owner = manifestArchiveId(manifestBytes);
    return owner !== null && owner !== archiveId
      ? problem('这是另一个档案库的备份', 'This is a backup of another archive')
      : problem('备份清单无法验证：备份已被改动或损坏', 'The backup manifest does not verify: the backup was altered or is damaged');
  }
  const mismatch = compareWithManifest(entries, manifest);
  return mismatch ? { ok: false, problem: mismatch } : { ok: true, manifest };
}

function compareWithManifest(entries: readonly ReadTarEntry[], manifest: BackupManifest): Message | null {
  const expected = new Map<string, { size: number; sha256: string }>([
    [ENTRY.keySlots, manifest.keySlots],
    [ENTRY.database, manifest.database],
    ...Object.entries(manifest.scans).map(([address, entry]): [string, { size: number; sha256: string }] => [`${ENTRY.scanPrefix}${address}`, entry]),
  ]);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name === ENTRY.manifest) continue;
    const want = expected.get(entry.name);
    if (!want || seen.has(entry.name)) return { zh: `备份中有清单之外的内容：${entry.name}`, en: `The backup holds something its manifest does not list: ${entry.name}` };
    seen.add(entry.name);
    if (want.size !== entry.size || want.sha256 !== entry.sha256) return { zh: `备份中的 ${entry.name} 与清单记录的校验值不符：备份已损坏`, en: `${entry.name} in the backup does not match the hash its manifest records: the backup is damaged` };
  }
  const absent = [...expected.keys()].filter((name) => !seen.has(name));
  if (absent.length > 0) return { zh: `备份缺少 ${absent.length} 项内容（如 ${absent[0]}）`, en: `${absent.length} part(s) of the backup are missing (such as ${absent[0]})` };
  return null;
}

function problem(zh: string, en: string): Unpacked {
  return { ok: false, problem: { zh, en } };
}

function collect(done: (bytes: Buffer) => void): EntrySink {
  const parts: Buffer[] = [];
  return { write: (chunk) => parts.push(Buffer.from(chunk)), end: () => done(Buffer.concat(parts)) };
}

function fileSink(path: string): EntrySink {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, 'wx', 0o600);
  return {
    write: (chunk) => {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
    },
    end: () => {
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}
