import { refusals, ScanRefusal } from './refusal';
import type { PixelSize } from './scan-inspection';

const truncated = () => new ScanRefusal(refusals.truncated('TIFF'));
const damaged = (zh: string, en: string) => new ScanRefusal(refusals.damaged('TIFF', { zh, en }));

const tags = { width: 256, height: 257, stripOffsets: 273, stripByteCounts: 279, tileOffsets: 324, tileByteCounts: 325 } as const;

/** Bytes per value of the field types that can hold sizes and offsets: SHORT, LONG, IFD, LONG8, IFD8. */
const typeSizes: Record<number, number> = { 3: 2, 4: 4, 13: 4, 16: 8, 18: 8 };

/** Classic TIFF (version 42) uses 4-byte offsets and 12-byte IFD entries; BigTIFF (43) 8 and 20. */
class TiffReader {
  readonly view: DataView;
  readonly little: boolean;
  readonly big: boolean;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.little = bytes[0] === 0x49;
    this.big = this.view.getUint16(2, this.little) === 43;
  }

  get offsetSize(): number {
    return this.big ? 8 : 4;
  }

  /** Throws "truncated" unless `length` bytes from `at` lie inside the file. */
  need(at: number, length: number): void {
    if (at + length > this.bytes.length) throw truncated();
  }

  uint(at: number, size: number): number {
    this.need(at, size);
    if (size === 2) return this.view.getUint16(at, this.little);
    if (size === 4) return this.view.getUint32(at, this.little);
    return Number(this.view.getBigUint64(at, this.little));
  }

  offset(at: number): number {
    return this.uint(at, this.offsetSize);
  }
}

interface Page {
  size: PixelSize;
  next: number;
}

/** One field's values, read inline or from where the entry points. */
function fieldValues(tiff: TiffReader, entry: number): number[] {
  const type = tiff.uint(entry + 2, 2);
  const count = tiff.uint(entry + 4, tiff.offsetSize);
  const valueSize = typeSizes[type];
  if (valueSize === undefined) throw damaged('图像字段类型错误', 'an image field has the wrong type');
  const valueField = entry + 4 + tiff.offsetSize;
  const at = count * valueSize <= tiff.offsetSize ? valueField : tiff.offset(valueField);
  tiff.need(at, count * valueSize);
  return Array.from({ length: count }, (_, i) => tiff.uint(at + i * valueSize, valueSize));
}

/** The image data of one page (strips or tiles) lies inside the file. */
function checkImageData(tiff: TiffReader, offsets: number[] | undefined, byteCounts: number[] | undefined, page: number): void {
  if (!offsets || !byteCounts || offsets.length === 0 || offsets.length !== byteCounts.length) {
    throw damaged(`第 ${page} 页缺少图像数据的位置`, `page ${page} does not say where its image data is`);
  }
  offsets.forEach((offset, i) => tiff.need(offset, byteCounts[i] ?? 0));
}

function readPage(tiff: TiffReader, at: number, page: number): Page {
  const countSize = tiff.big ? 8 : 2;
  const entrySize = tiff.big ? 20 : 12;
  const entries = tiff.uint(at, countSize);
  if (entries === 0) throw damaged(`第 ${page} 页的目录为空`, `the directory of page ${page} is empty`);
  const first = at + countSize;
  tiff.need(first, entries * entrySize + tiff.offsetSize);
  const fields = new Map<number, number[]>();
  const wanted = new Set<number>(Object.values(tags));
  for (let i = 0; i < entries; i += 1) {
    const entry = first + i * entrySize;
    const tag = tiff.uint(entry, 2);
    if (wanted.has(tag)) fields.set(tag, fieldValues(tiff, entry));
  }
  const width = fields.get(tags.width)?.[0] ?? 0;
  const height = fields.get(tags.height)?.[0] ?? 0;
  if (width === 0 || height === 0) throw damaged(`第 ${page} 页缺少图像尺寸`, `page ${page} has no image size`);
  const tiled = fields.has(tags.tileOffsets);
  const offsets = fields.get(tiled ? tags.tileOffsets : tags.stripOffsets);
  const byteCounts = fields.get(tiled ? tags.tileByteCounts : tags.stripByteCounts);
  checkImageData(tiff, offsets, byteCounts, page);
  return { size: { width, height }, next: tiff.offset(first + entries * entrySize) };
}

/**
 * Follows a TIFF's chain of image directories (one per page), checking that every directory and
 * every strip or tile of image data lies inside the file. A chain that comes back to a page it
 * has visited would never end: it is damage, not a document.
 */
export function checkTiff(bytes: Uint8Array): { pages: number; size: PixelSize } {
  if (bytes.length < 8) throw truncated();
  const tiff = new TiffReader(bytes);
  if (tiff.big && (tiff.uint(4, 2) !== 8 || tiff.uint(6, 2) !== 0)) throw damaged('文件头错误', 'its header is wrong');
  const seen = new Set<number>();
  let first: PixelSize | undefined;
  for (let at = tiff.offset(tiff.big ? 8 : 4); at !== 0; ) {
    if (seen.has(at)) throw damaged('页链形成循环', 'its pages link back in a loop');
    seen.add(at);
    const page = readPage(tiff, at, seen.size);
    first ??= page.size;
    at = page.next;
  }
  if (!first) throw damaged('没有页面', 'it has no pages');
  return { pages: seen.size, size: first };
}
