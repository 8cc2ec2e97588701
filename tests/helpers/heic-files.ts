/**
 * Phone photos in HEIC for tests. No HEVC encoder is at hand (sharp's HEIF output is AV1), so one
 * real HEIC made by ImageMagick is kept (tests/fixtures/scans/photo.heic, see its .md): a 320 × 240
 * white picture with a black block in its top-left quarter. `heicFile` builds the other layouts a
 * phone writes around that coded picture – turned, mirrored, a burst, a grid of tiles – box by box,
 * as ISO/IEC 23008-12 (HEIF) lays them out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

/** The fixture's picture, as shown: its size, and where its black block lies (fractions of the width and height). */
export const HEIC_PICTURE = { width: 320, height: 240, block: { left: 40 / 320, top: 30 / 240, right: 120 / 320, bottom: 90 / 240 } } as const;

/** The real HEIC as ImageMagick wrote it. */
export function heicPhoto(): Uint8Array {
  return new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures/scans/photo.heic')));
}

/** A box of the fixture, whole (header included), found by its type. */
function fixtureBox(type: string): Buffer {
  const photo = Buffer.from(heicPhoto());
  const at = photo.indexOf(type, 0, 'latin1') - 4;
  return photo.subarray(at, at + photo.readUInt32BE(at));
}

const u8 = (value: number) => Buffer.from([value]);
const u16 = (value: number) => Buffer.from([value >> 8, value & 0xff]);
const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};
const fourcc = (text: string) => Buffer.from(text, 'latin1');

function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([u32(8 + body.length), fourcc(type), body]);
}

const fullBox = (type: string, version: number, flags: number, ...content: Buffer[]) => box(type, u8(version), u8(flags >> 16), u16(flags & 0xffff), ...content);

export interface HeicLayout {
  /** Shown turned anticlockwise by this many quarter turns (irot), as a phone held sideways writes it. */
  quarterTurns?: 0 | 1 | 2 | 3;
  /**
   * Shown mirrored (imir) with this axis field. libheif shows axis 0 with top and bottom swapped and
   * 1 with left and right (the standard's wording of the field has been read both ways).
   */
  mirrorAxis?: 0 | 1;
  /** Top-level images in the file, as a burst kept in one file; the primary one is the last, and only it is turned or mirrored. */
  frames?: number;
  /** The primary image is a grid of the picture repeated, `rows` × `columns` tiles. */
  grid?: { rows: number; columns: number };
  /** The size the primary image claims (ispe) instead of its own – an image bomb's billions of pixels. */
  claimedSize?: { width: number; height: number };
  /**
   * A thumbnail of the primary image (thmb), the picture itself, as a phone writes one: without the
   * primary's turn and mirror (`ownTurns`: with them, as other writers may), or cropped (`cropped`: the primary has a clap).
   */
  thumbnail?: { ownTurns?: boolean; primaryCropped?: boolean };
}

interface Item {
  id: number;
  type: 'hvc1' | 'grid';
  hidden: boolean;
  properties: { box: Buffer; essential: boolean }[];
}

/** A HEIC with the fixture's coded picture in the layout asked for. */
export function heicFile(layout: HeicLayout = {}): Uint8Array {
  const { width, height } = HEIC_PICTURE;
  const coded = fixtureBox('mdat').subarray(8);
  const hvcC = { box: fixtureBox('hvcC'), essential: true };
  // One box for each size, shared by the items of that size (libheif reads at most 100 properties).
  const sizes = new Map<string, Item['properties'][number]>();
  const ispe = (size: { width: number; height: number }) => {
    const key = `${size.width}x${size.height}`;
    if (!sizes.has(key)) sizes.set(key, { box: fullBox('ispe', 0, 0, u32(size.width), u32(size.height)), essential: false });
    return sizes.get(key) as Item['properties'][number];
  };
  const transforms = [
    ...(layout.quarterTurns ? [{ box: box('irot', u8(layout.quarterTurns)), essential: true }] : []),
    ...(layout.mirrorAxis !== undefined ? [{ box: box('imir', u8(layout.mirrorAxis)), essential: true }] : []),
  ];
  const { rows, columns } = layout.grid ?? { rows: 0, columns: 0 };
  const codedCount = layout.grid ? rows * columns : (layout.frames ?? 1);
  const items: Item[] = Array.from({ length: codedCount }, (_, i) => ({ id: i + 1, type: 'hvc1' as const, hidden: layout.grid !== undefined, properties: [hvcC, ispe({ width, height })] }));
  let gridData = Buffer.alloc(0);
  if (layout.grid) {
    const size = layout.claimedSize ?? { width: width * columns, height: height * rows };
    gridData = Buffer.concat([u8(0), u8(0), u8(rows - 1), u8(columns - 1), u16(size.width), u16(size.height)]);
    items.push({ id: codedCount + 1, type: 'grid', hidden: false, properties: [ispe(size)] });
  }
  const primary = items[items.length - 1] as Item;
  if (layout.claimedSize && !layout.grid) primary.properties[1] = ispe(layout.claimedSize);
  if (layout.thumbnail?.primaryCropped) {
    const whole = (n: number) => Buffer.concat([u32(n), u32(1)]);
    primary.properties.push({ box: box('clap', whole(width / 2), whole(height / 2), whole(0), whole(0)), essential: true });
  }
  primary.properties.push(...transforms);
  const thumbnail: Item | null = layout.thumbnail ? { id: items.length + 1, type: 'hvc1', hidden: false, properties: [hvcC, ispe({ width, height }), ...(layout.thumbnail.ownTurns ? transforms : [])] } : null;
  if (thumbnail) items.push(thumbnail);
  const references = [
    ...(layout.grid ? [box('dimg', u16(primary.id), u16(codedCount), ...items.filter((item) => item.type === 'hvc1' && item !== thumbnail).map((item) => u16(item.id)))] : []),
    ...(thumbnail ? [box('thmb', u16(thumbnail.id), u16(1), u16(primary.id))] : []),
  ];

  const ftyp = box('ftyp', fourcc('heic'), u32(0), fourcc('mif1'), fourcc('heic'));
  const meta = (dataAt: number) => {
    const properties = items.flatMap((item) => item.properties);
    const unique = [...new Set(properties.map((property) => property.box))];
    const associations = items.map((item) => Buffer.concat([u16(item.id), u8(item.properties.length), ...item.properties.map((p) => u8((p.essential ? 0x80 : 0) | (unique.indexOf(p.box) + 1)))]));
    const locations = items.map((item) =>
      item.type === 'grid' ? Buffer.concat([u16(item.id), u16(1), u16(0), u16(1), u32(0), u32(gridData.length)]) : Buffer.concat([u16(item.id), u16(0), u16(0), u16(1), u32(dataAt), u32(coded.length)]),
    );
    return fullBox(
      'meta',
      0,
      0,
      fullBox('hdlr', 0, 0, u32(0), fourcc('pict'), Buffer.alloc(12), u8(0)),
      fullBox('pitm', 0, 0, u16(primary.id)),
      fullBox('iinf', 0, 0, u16(items.length), ...items.map((item) => fullBox('infe', 2, item.hidden ? 1 : 0, u16(item.id), u16(0), fourcc(item.type), u8(0)))),
      ...(references.length > 0 ? [fullBox('iref', 0, 0, ...references)] : []),
      ...(layout.grid ? [box('idat', gridData)] : []),
      // Version 1: 4-byte offsets and lengths, no base offset; a construction method per item (0: in the file, 1: in idat).
      fullBox('iloc', 1, 0, u8(0x44), u8(0x00), u16(items.length), ...locations),
      box('iprp', box('ipco', ...unique), fullBox('ipma', 0, 0, u32(items.length), ...associations)),
    );
  };
  const dataAt = ftyp.length + meta(0).length + 8;
  return new Uint8Array(Buffer.concat([ftyp, meta(dataAt), box('mdat', coded)]));
}
