import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * Files that are not what their names say, or are damaged – for the readers of imported sheets
 * and, later, of scans and backups: they must refuse them in one clear sentence.
 */

/** A 1×1 PNG image (what an image renamed .csv holds). */
export function pngBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
}

/** The start of a Windows program (an .exe renamed .csv): its DOS header and stub. */
export function exeBytes(): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(64);
  header.write('MZ', 0, 'latin1');
  header.writeUInt16LE(0x90, 2);
  header.writeUInt32LE(0x80, 60);
  return new Uint8Array(Buffer.concat([header, Buffer.from('This program cannot be run in DOS mode.\r\r\n$', 'latin1'), Buffer.alloc(64)]));
}

/** An .xlsx of these rows as Excel saves one: the text in shared strings. */
export async function xlsxOf(rows: ExcelJS.CellValue[][]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A zip (an .xlsx) with one part replaced, or removed (null). */
export async function withPart(zipBytes: Uint8Array, name: string, content: string | null): Promise<Uint8Array<ArrayBuffer>> {
  const zip = await JSZip.loadAsync(zipBytes);
  if (content === null) zip.remove(name);
  else zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) as Promise<Uint8Array<ArrayBuffer>>;
}

/** A zip whose part `name` is damaged: a byte flipped in the middle of its compressed data (its sizes and checksum now lie). */
export function withDamagedPart(zipBytes: Uint8Array, name: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(zipBytes);
  const nameBytes = Buffer.from(name, 'utf8');
  // The central directory names every part with its compressed size and where its local header is.
  let entry = bytes.indexOf(nameBytes);
  while (entry !== -1 && (entry < 46 || bytes.readUInt32LE(entry - 46) !== 0x02014b50)) entry = bytes.indexOf(nameBytes, entry + 1);
  if (entry === -1) throw new Error(`no part ${name}`);
  const compressed = bytes.readUInt32LE(entry - 46 + 20);
  const header = bytes.readUInt32LE(entry - 46 + 42);
  const dataAt = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const at = dataAt + Math.floor(compressed / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  return new Uint8Array(bytes);
}

/** A zip part given as the bytes it inflates from, with what its directory entry says of it. */
export interface RawPart {
  deflated: Buffer;
  /** Bytes it inflates to. */
  size: number;
  crc32: number;
}

/** How much of a repeated part is deflated at once: 1 MiB of repeated XML deflates to about 1.5 KB. */
const DEFLATED_AT_ONCE = 1024 * 1024;

/**
 * A part of `head`, `unit` repeated `times` times and `tail`, deflated without compressing every
 * repetition: a run of units of about 1 MiB is deflated once, ending on a full flush (no reference
 * reaches back past it), and its bytes repeated. A part of gigabytes – a zip bomb – is a few
 * megabytes at most and made in a moment.
 */
export function repeatedPart(head: string, unit: string, times: number, tail: string): RawPart {
  const unitBytes = Buffer.from(unit, 'utf8');
  const perRun = Math.max(1, Math.min(times, Math.floor(DEFLATED_AT_ONCE / unitBytes.length)));
  const runs = Math.floor(times / perRun);
  const run = Buffer.concat(Array.from({ length: perRun }, () => unitBytes));
  const rest = Buffer.concat(Array.from({ length: times % perRun }, () => unitBytes));
  const [headBytes, tailBytes] = [Buffer.from(head, 'utf8'), Buffer.from(tail, 'utf8')];
  const pieces = [headBytes, ...Array.from({ length: runs }, () => run), rest, tailBytes];
  // Checksummed before any is deflated: Node's crc32 gives 0 for an empty buffer zlib has read.
  const checksum = pieces.reduce((crc, piece) => crc32(piece, crc), 0);
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
  const runDeflated = flushed(run);
  return {
    deflated: Buffer.concat([flushed(headBytes), ...Array.from({ length: runs }, () => runDeflated), flushed(rest), deflateRawSync(tailBytes)]),
    size: pieces.reduce((size, piece) => size + piece.length, 0),
    crc32: checksum,
  };
}

interface ZipPart {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  data: Buffer;
  size: number;
  crc32: number;
}

const stored = (name: string, data: Buffer): ZipPart => ({ name, method: 0, data, size: data.length, crc32: crc32(data) });

/** Every part of a zip but `without`, stored uncompressed. */
async function partsOf(zipBytes: Uint8Array, without?: string): Promise<ZipPart[]> {
  const zip = await JSZip.loadAsync(zipBytes);
  const files = Object.values(zip.files).filter((file) => !file.dir && file.name !== without);
  return Promise.all(files.map(async (file) => stored(file.name, Buffer.from(await file.async('uint8array')))));
}

/** A zip of these parts, each saying of itself what the part says (the truth, unless a test makes it lie). */
function zipOf(parts: ZipPart[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const fileName = Buffer.from(part.name, 'utf8');
    // The fields local headers and directory entries share: version 2.0, no flags, method, no date, checksum, sizes, name length.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(part.method, 4);
    common.writeUInt32LE(part.crc32, 10);
    common.writeUInt32LE(part.data.length, 14);
    common.writeUInt32LE(part.size, 18);
    common.writeUInt16LE(fileName.length, 22);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, fileName, part.data]);
    // The directory entry's own: no comment, disk 0, no attributes, where the local header is.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    directory.push(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0]), common, tail, fileName]));
    locals.push(local);
    offset += local.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}

/**
 * A zip (an .xlsx) with part `name` replaced by, or added as, a raw part whose directory entry
 * says it inflates to `declaredSize` bytes (the truth unless a test makes it lie); every other
 * part is kept, stored uncompressed.
 */
export async function withRawPart(zipBytes: Uint8Array, name: string, part: RawPart, declaredSize = part.size): Promise<Uint8Array<ArrayBuffer>> {
  return zipOf([...(await partsOf(zipBytes, name)), { name, method: 8, data: part.deflated, size: declaredSize, crc32: part.crc32 }]);
}

/** A zip (an .xlsx) with `count` more parts, empty (xl/media/empty0.bin, …). */
export async function withEmptyParts(zipBytes: Uint8Array, count: number): Promise<Uint8Array<ArrayBuffer>> {
  return zipOf([...(await partsOf(zipBytes)), ...Array.from({ length: count }, (_, i) => stored(`xl/media/empty${i}.bin`, Buffer.alloc(0)))]);
}
