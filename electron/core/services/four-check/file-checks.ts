import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ScanMediaType } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { listStoredFiles, storedPath, type ScanKeys } from '../../attachments/file-store';
import { inspectScan } from '../../attachments/inspect';
import { drawPageImage, PageNotDrawn } from '../../attachments/scan-image-pool';
import { LONG_SIDE } from '../../attachments/scan-image-protocol';
import { contentAddress, MAGIC, openSealedFile, SealBroken } from '../../attachments/sealed-file';
import type { FileToCheck } from './check-plan';
import { CheckTally } from './check-tally';

export type FileTallies = Record<'present' | 'hashes' | 'open' | 'render' | 'sealed', CheckTally>;

export function fileTallies(): FileTallies {
  return {
    present: new CheckTally('files-present', { zh: '个扫描文件', en: 'scan files' }),
    hashes: new CheckTally('file-hashes', { zh: '个扫描文件', en: 'scan files' }),
    open: new CheckTally('files-open', { zh: '个扫描文件', en: 'scan files' }),
    render: new CheckTally('pages-render', { zh: '页', en: 'pages' }),
    sealed: new CheckTally('sealed-files', { zh: '个文件', en: 'files' }),
  };
}

/** Pages drawn at once: the scan image threads are two. */
const DRAWING_AT_ONCE = 2;

function failFile(tally: CheckTally, file: FileToCheck, zh: string, en: string): void {
  tally.fail(file.place?.archiveNumber ?? null, file.place?.document ?? null, `扫描文件 #${file.id}：${zh}`, `Scan file #${file.id}: ${en}`);
}

function readSealed(root: string, file: FileToCheck): Buffer | null {
  try {
    return readFileSync(storedPath(root, file.address));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Every live page of the file drawn small on the scan image threads; one that cannot be drawn is named. */
async function drawPages(tally: CheckTally, file: FileToCheck, plaintext: Buffer, progress: () => void, ended: () => boolean): Promise<void> {
  const waiting = [...file.livePages];
  const drawNext = async (): Promise<void> => {
    for (let page = waiting.shift(); page !== undefined && !ended(); page = waiting.shift()) {
      tally.checked += 1;
      try {
        // Each drawing takes its bytes over (transferred): a copy of its own.
        await drawPageImage({ bytes: Uint8Array.from(plaintext), mediaType: file.mediaType as ScanMediaType, page, longSide: LONG_SIDE.thumbnail });
      } catch (error) {
        if (!(error instanceof PageNotDrawn)) throw error;
        failFile(tally, file, `第 ${page + 1} 页无法显示：${error.message}`, `page ${page + 1} cannot be drawn: ${error.message}`);
      }
      progress();
    }
  };
  await Promise.all(Array.from({ length: DRAWING_AT_ONCE }, drawNext));
}

/**
 * Each file read whole from the store: there (integrity), sealed (security), its tags and content
 * address as recorded (authenticity), a file of its recorded type and page count (usability),
 * every live page drawn (usability). Between files the core's thread is given back.
 */
export async function checkFiles(root: string, keys: Pick<ScanKeys, 'name' | 'content'>, files: readonly FileToCheck[], tallies: FileTallies, progress: () => void, ended: () => boolean): Promise<void> {
  for (const file of files) {
    if (ended()) throw new AppError('UNAUTHENTICATED');
    await nextTurn();
    tallies.present.checked += 1;
    const sealed = readSealed(root, file);
    progress();
    if (!sealed) {
      failFile(tallies.present, file, '文件缺失', 'the file is missing');
      continue;
    }
    tallies.sealed.checked += 1;
    if (!MAGIC.equals(sealed.subarray(0, MAGIC.length))) failFile(tallies.sealed, file, '不是加密封存的文件', 'not a sealed (encrypted) file');
    tallies.hashes.checked += 1;
    let plaintext: Buffer;
    try {
      plaintext = openSealedFile(keys.content, file.address, sealed, file.size);
    } catch (error) {
      if (!(error instanceof SealBroken)) throw error;
      failFile(tallies.hashes, file, error.message === 'missing' ? '文件缺失' : '内容与登记不符（已被改动或损坏）', `its content does not match its record (${error.message})`);
      continue;
    }
    if (contentAddress(keys.name, plaintext) !== file.address) {
      failFile(tallies.hashes, file, '哈希与登记不符', 'its hash does not match its record');
      continue;
    }
    tallies.open.checked += 1;
    try {
      const inspected = await inspectScan(plaintext, `#${file.id}`);
      if (inspected.mediaType !== file.mediaType || inspected.pages !== file.pages) {
        failFile(tallies.open, file, `登记为 ${file.mediaType}（${file.pages} 页），实为 ${inspected.mediaType}（${inspected.pages} 页）`, `recorded as ${file.mediaType} (${file.pages} pages), found ${inspected.mediaType} (${inspected.pages} pages)`);
        continue;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failFile(tallies.open, file, `无法按其格式打开：${error.messageZh}`, `does not open in its format: ${error.messageEn}`);
      continue;
    }
    await drawPages(tallies.render, file, plaintext, progress, ended);
  }
}

/** The first bytes of the scan formats the archive keeps (and GIF): a file starting so is a plaintext scan. */
const PLAIN_SCAN_HEADS: readonly { name: string; bytes: Buffer; at?: number }[] = [
  { name: 'PDF', bytes: Buffer.from('%PDF-', 'latin1') },
  { name: 'PNG', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  { name: 'JPEG', bytes: Buffer.from([0xff, 0xd8, 0xff]) },
  { name: 'TIFF', bytes: Buffer.from([0x49, 0x49, 0x2a, 0x00]) },
  { name: 'TIFF', bytes: Buffer.from([0x4d, 0x4d, 0x00, 0x2a]) },
  { name: 'HEIC', bytes: Buffer.from('ftyp', 'latin1'), at: 4 },
  { name: 'GIF', bytes: Buffer.from('GIF8', 'latin1') },
];

function headOf(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(12);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

function* filesUnder(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * The whole data folder looked through: every file of the scan store is sealed (page images and
 * leftovers too), and no file anywhere else starts like a plaintext scan.
 */
export async function checkDataFolder(dataDir: string, scansRoot: string, tally: CheckTally, databaseFile: string): Promise<void> {
  const store = new Set(listStoredFiles(scansRoot).map((entry) => entry.path));
  let seen = 0;
  for (const path of filesUnder(dataDir)) {
    // The database and its journals are checked on their own (database-encrypted); a salt may begin with any bytes.
    if (path.startsWith(databaseFile)) continue;
    if ((seen += 1) % 200 === 0) await nextTurn();
    let head: Buffer;
    try {
      head = headOf(path);
    } catch {
      continue; // Removed since the folder was read (a staged file filed meanwhile).
    }
    const where = path.slice(dataDir.length + 1);
    const plain = PLAIN_SCAN_HEADS.find((h) => head.subarray(h.at ?? 0, (h.at ?? 0) + h.bytes.length).equals(h.bytes));
    if (store.has(path)) {
      tally.checked += 1;
      if (!MAGIC.equals(head.subarray(0, MAGIC.length))) tally.fail(null, null, `扫描库中的 ${where} 不是加密封存的文件${plain ? `（明文 ${plain.name}）` : ''}`, `${where} in the scan store is not a sealed file${plain ? ` (plaintext ${plain.name})` : ''}`);
    } else if (plain) {
      tally.fail(null, null, `数据文件夹中的 ${where} 是明文 ${plain.name} 文件`, `${where} in the data folder is a plaintext ${plain.name} file`);
    }
  }
}
