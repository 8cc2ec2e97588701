import { latin1 } from './bytes';
import { BoxMalformed, BoxOutOfBounds, boxesIn, boxesInFullBox, type IsoBox } from './iso-boxes';
import { refusals, ScanRefusal } from './refusal';

export const heicTruncated = () => new ScanRefusal(refusals.truncated('HEIC'));
export const heicDamaged = (zh: string, en: string) => new ScanRefusal(refusals.damagedPhoto({ zh, en }));

/** A stretch of an item's data, as offsets in the file. */
export interface Extent {
  offset: number;
  length: number;
}

/**
 * What a HEIF file's `meta` box says about its images: the primary item (`pitm`), each item's
 * type (`iinf`), where its data lies (`iloc`, offsets resolved to the file), its properties
 * (`iprp`: the boxes in `ipco` that `ipma` gives it) and the references between items (`iref`).
 */
export interface HeifMeta {
  primary: number;
  itemTypes: Map<number, string>;
  locations: Map<number, Extent[]>;
  properties: Map<number, IsoBox[]>;
  references: { type: string; from: number; to: number[] }[];
}

/** Reads the fields of one box's content; reading past its end is damage. */
class Fields {
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private pos: number,
    private readonly end: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(size: number): number {
    if (this.pos + size > this.end) throw heicDamaged('图像信息不完整', 'a box is shorter than what it holds');
    const at = this.pos;
    this.pos += size;
    return at;
  }

  /** An unsigned integer of 0, 1, 2, 4 or 8 bytes (iloc's sizes may be 0: the field is absent, its value 0). */
  /** Bytes not yet read. */
  left(): number {
    return this.end - this.pos;
  }

  uint(size: number): number {
    if (size === 0) return 0;
    const at = this.need(size);
    if (size === 1) return this.view.getUint8(at);
    if (size === 2) return this.view.getUint16(at);
    if (size === 4) return this.view.getUint32(at);
    if (size === 8) return Number(this.view.getBigUint64(at));
    throw heicDamaged('数据位置的字段长度错误', 'a field of the data locations has an impossible size');
  }

  fourcc(): string {
    const at = this.need(4);
    return latin1(this.bytes, at, at + 4);
  }
}

const fullBoxFields = (bytes: Uint8Array, box: IsoBox) => ({ version: bytes[box.body] ?? 0, flags: (((bytes[box.body + 1] ?? 0) << 16) | ((bytes[box.body + 2] ?? 0) << 8) | (bytes[box.body + 3] ?? 0)) >>> 0, fields: new Fields(bytes, box.body + 4, box.end) });

/** The boxes inside a box of the meta tree; one that does not fit its parent is damage (the file's own end was checked before). */
function children(read: () => IsoBox[]): IsoBox[] {
  try {
    return read();
  } catch (error) {
    if (error instanceof BoxOutOfBounds || error instanceof BoxMalformed) throw heicDamaged('图像信息的结构错误', 'the structure of its image information is broken');
    throw error;
  }
}

function only(boxes: IsoBox[], type: string): IsoBox | undefined {
  return boxes.find((box) => box.type === type);
}

function readPrimary(bytes: Uint8Array, pitm: IsoBox | undefined): number {
  if (!pitm) throw heicDamaged('没有指明主图像', 'it does not say which image is the photo');
  const { version, fields } = fullBoxFields(bytes, pitm);
  return fields.uint(version === 0 ? 2 : 4);
}

function readItemTypes(bytes: Uint8Array, iinf: IsoBox | undefined): Map<number, string> {
  if (!iinf) throw heicDamaged('没有图像条目', 'it lists no images');
  const types = new Map<number, string>();
  const skip = (bytes[iinf.body] ?? 0) === 0 ? 2 : 4;
  for (const infe of children(() => boxesInFullBox(bytes, iinf, skip))) {
    if (infe.type !== 'infe') continue;
    const { version, fields } = fullBoxFields(bytes, infe);
    // Versions 0 and 1 (before HEIF) carry no item type.
    if (version < 2) continue;
    const id = fields.uint(version === 2 ? 2 : 4);
    fields.uint(2); // protection index
    types.set(id, fields.fourcc());
  }
  return types;
}

/** Where each item's data lies, as offsets in the file: construction method 0 counts from the file's start, 1 from the start of `idat`. */
/** Pieces of image data a photo may be in (an iPhone photo: a grid of 48 tiles, one piece each). */
const MAX_EXTENTS = 100_000;

function readLocations(bytes: Uint8Array, iloc: IsoBox | undefined, idat: IsoBox | undefined): Map<number, Extent[]> {
  const locations = new Map<number, Extent[]>();
  if (!iloc) return locations;
  const { version, fields } = fullBoxFields(bytes, iloc);
  const sizes = fields.uint(1);
  const more = fields.uint(1);
  const [offsetSize, lengthSize, baseOffsetSize, indexSize] = [sizes >> 4, sizes & 0x0f, more >> 4, version > 0 ? more & 0x0f : 0];
  const count = fields.uint(version < 2 ? 2 : 4);
  // Each extent takes its bytes in the box: no more extents than those bytes allow – and when the
  // sizes are all 0 (the fields absent), one extent an item; the rest would be made from nothing.
  const extentBytes = indexSize + offsetSize + lengthSize;
  let extentsLeft = MAX_EXTENTS;
  for (let i = 0; i < count; i += 1) {
    const id = fields.uint(version < 2 ? 2 : 4);
    const method = version > 0 ? fields.uint(2) & 0x0f : 0;
    if (fields.uint(2) !== 0) throw heicDamaged('图像数据在另一个文件中', 'its image data lies in another file');
    const base = fields.uint(baseOffsetSize);
    const extents: Extent[] = [];
    const extentCount = fields.uint(2);
    extentsLeft -= extentCount;
    if ((extentBytes === 0 ? extentCount > 1 : extentCount * extentBytes > fields.left()) || extentsLeft < 0) throw heicDamaged('图像数据的分段数不合理', 'it claims more pieces of image data than it can hold');
    for (let extent = extentCount; extent > 0; extent -= 1) {
      fields.uint(indexSize);
      const offset = base + fields.uint(offsetSize);
      const length = fields.uint(lengthSize);
      if (method === 0) {
        // Data past the end (to the end of the file, or a piece cut off): the file was cut short.
        if (offset > bytes.length) throw heicTruncated();
        extents.push({ offset, length: length === 0 ? bytes.length - offset : length });
      } else if (method === 1) {
        if (!idat) throw heicDamaged('缺少内嵌数据', 'its embedded data is missing');
        const size = idat.end - idat.body;
        if (offset + length > size) throw heicDamaged('内嵌数据的位置超出范围', 'embedded data lies outside its box');
        extents.push({ offset: idat.body + offset, length: length === 0 ? size - offset : length });
      }
      // Method 2 (data taken from another item) is followed by the decoder; its source item is checked on its own.
    }
    locations.set(id, extents);
  }
  return locations;
}

/** Each item's property boxes, from ipma's 1-based indexes into ipco. */
function readProperties(bytes: Uint8Array, iprp: IsoBox | undefined): Map<number, IsoBox[]> {
  const properties = new Map<number, IsoBox[]>();
  if (!iprp) return properties;
  const inside = children(() => boxesIn(bytes, iprp.body, iprp.end));
  const ipco = only(inside, 'ipco');
  const all = ipco ? children(() => boxesIn(bytes, ipco.body, ipco.end)) : [];
  for (const ipma of inside.filter((box) => box.type === 'ipma')) {
    const { version, flags, fields } = fullBoxFields(bytes, ipma);
    for (let entries = fields.uint(4); entries > 0; entries -= 1) {
      const id = fields.uint(version < 1 ? 2 : 4);
      const own = properties.get(id) ?? [];
      for (let n = fields.uint(1); n > 0; n -= 1) {
        const index = (flags & 1) === 1 ? fields.uint(2) & 0x7fff : fields.uint(1) & 0x7f;
        if (index === 0) continue;
        const property = all[index - 1];
        if (!property) throw heicDamaged('图像属性缺失', 'an image property is missing');
        own.push(property);
      }
      properties.set(id, own);
    }
  }
  return properties;
}

function readReferences(bytes: Uint8Array, iref: IsoBox | undefined): HeifMeta['references'] {
  if (!iref) return [];
  const idSize = (bytes[iref.body] ?? 0) === 0 ? 2 : 4;
  return children(() => boxesInFullBox(bytes, iref)).map((reference) => {
    const fields = new Fields(bytes, reference.body, reference.end);
    const from = fields.uint(idSize);
    const to = Array.from({ length: fields.uint(2) }, () => fields.uint(idSize));
    return { type: reference.type, from, to };
  });
}

/** Reads a HEIF `meta` box. It must describe pictures (handler `pict`). */
export function readHeifMeta(bytes: Uint8Array, meta: IsoBox): HeifMeta {
  const boxes = children(() => boxesInFullBox(bytes, meta));
  const hdlr = only(boxes, 'hdlr');
  if (!hdlr || hdlr.end < hdlr.body + 12 || latin1(bytes, hdlr.body + 8, hdlr.body + 12) !== 'pict') throw heicDamaged('其中没有照片', 'it holds no picture');
  return {
    primary: readPrimary(bytes, only(boxes, 'pitm')),
    itemTypes: readItemTypes(bytes, only(boxes, 'iinf')),
    locations: readLocations(bytes, only(boxes, 'iloc'), only(boxes, 'idat')),
    properties: readProperties(bytes, only(boxes, 'iprp')),
    references: readReferences(bytes, only(boxes, 'iref')),
  };
}
