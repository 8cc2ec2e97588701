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
