import { heicDamaged, heicTruncated, readHeifMeta, type HeifMeta } from './heif-meta';
import { BoxMalformed, BoxOutOfBounds, boxesIn, type IsoBox } from './iso-boxes';
import { refusals, ScanRefusal } from './refusal';
import type { PixelSize } from './scan-inspection';

/** HEVC codes a picture in blocks of up to 64 × 64 pixels: a tile may run over the picture's edge by less than one. */
const CODING_BLOCK = 64;

function topLevelBoxes(bytes: Uint8Array): IsoBox[] {
  try {
    return boxesIn(bytes, 0, bytes.length);
  } catch (error) {
    // At the top level, a box that does not fit runs past the end of the file.
    if (error instanceof BoxOutOfBounds) throw heicTruncated();
    if (error instanceof BoxMalformed) throw heicDamaged('文件结构错误', 'its structure is broken');
    throw error;
  }
}

export function propertyOf(meta: HeifMeta, item: number, type: string): IsoBox | undefined {
  return meta.properties.get(item)?.find((box) => box.type === type);
}

/** An image's size as its `ispe` property gives it, before any turn. */
export function declaredSize(bytes: Uint8Array, meta: HeifMeta, item: number): PixelSize {
  const ispe = propertyOf(meta, item, 'ispe');
  if (!ispe || ispe.end < ispe.body + 12) throw heicDamaged('缺少图像尺寸', 'an image has no size');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = { width: view.getUint32(ispe.body + 4), height: view.getUint32(ispe.body + 8) };
  if (size.width === 0 || size.height === 0) throw heicDamaged('图像尺寸为 0', 'the image size is zero');
  return size;
}

/** A coded picture – a whole photo or one tile of it: HEVC, with the settings to decode it, a size and data. */
function checkCoded(bytes: Uint8Array, meta: HeifMeta, item: number): PixelSize {
  const type = meta.itemTypes.get(item);
  if (type === undefined) throw heicDamaged('引用的图像不存在', 'an image it refers to is not listed');
  if (type === 'av01') throw new ScanRefusal(refusals.notAScan({ zh: 'AVIF 图像', en: 'an AVIF image' }));
  if (type !== 'hvc1') throw new ScanRefusal(refusals.unsupportedHeif(type));
  if (!propertyOf(meta, item, 'hvcC')) throw heicDamaged('缺少解码参数', 'the settings to decode it are missing');
  if ((meta.locations.get(item) ?? []).every((extent) => extent.length === 0)) throw heicDamaged('没有图像数据', 'it holds no image data');
  return declaredSize(bytes, meta, item);
}

/** A grid's layout, from its item data: rows and columns of tiles, and the size of the picture they make. */
function gridLayout(bytes: Uint8Array, meta: HeifMeta, item: number): { rows: number; columns: number; size: PixelSize } {
  const [extent] = meta.locations.get(item) ?? [];
  const missing = () => heicDamaged('缺少图块的排列信息', 'the layout of its tiles is missing');
  // Version 0; flag 1 says the sizes are 32 bits, not 16.
  if (!extent || extent.length < 8 || bytes[extent.offset] !== 0) throw missing();
  const wide = ((bytes[extent.offset + 1] ?? 0) & 1) === 1;
  if (wide && extent.length < 12) throw missing();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = extent.offset + 4;
  const size = wide ? { width: view.getUint32(at), height: view.getUint32(at + 4) } : { width: view.getUint16(at), height: view.getUint16(at + 2) };
  if (size.width === 0 || size.height === 0) throw heicDamaged('图像尺寸为 0', 'the image size is zero');
  return { rows: (bytes[extent.offset + 2] ?? 0) + 1, columns: (bytes[extent.offset + 3] ?? 0) + 1, size };
}

/** Tiles of `side` pixels, `count` in a row, make `whole`: they cover it, with no tile wholly outside and none far larger. */
const tilesFit = (side: number, count: number, whole: number) => side * count >= whole && side * (count - 1) < whole && side < whole + CODING_BLOCK;

/**
 * A photo made of tiles (an iPhone's 4032 × 3024 is 8 × 6 tiles of 512): as many tiles as the
 * layout says, each a coded picture that fits it. The tiles' sizes are checked against the
 * picture's, so that no tile can claim more pixels than the photo shows.
 */
function checkGrid(bytes: Uint8Array, meta: HeifMeta, item: number): PixelSize {
  const layout = gridLayout(bytes, meta, item);
  const tiles = meta.references.filter((reference) => reference.type === 'dimg' && reference.from === item).flatMap((reference) => reference.to);
  if (tiles.length !== layout.rows * layout.columns) throw heicDamaged('图块数目与排列不符', 'the number of its tiles does not match their layout');
  for (const tile of tiles) {
    const size = checkCoded(bytes, meta, tile);
    if (!tilesFit(size.width, layout.columns, layout.size.width) || !tilesFit(size.height, layout.rows, layout.size.height)) {
      throw heicDamaged('图块与图像尺寸不符', 'its tiles do not match the size of the picture');
    }
  }
  return layout.size;
}

/**
 * Checks a HEIF photo (HEIC: pictures coded in HEVC) without decoding it: the boxes at the top
 * of the file are whole; the `meta` box describes a picture; the data of every item lies inside the
 * file; the primary image – what a phone shows as the photo – is a coded picture or a grid of them,
 * with the sizes that tell how many pixels decoding it makes. The size returned is the photo's as
 * shown: turned by its `irot` property, as the decoder turns it.
 *
 * A file with several top-level images (a burst kept in one file) is one page: its primary image.
 */
export function checkHeic(bytes: Uint8Array): PixelSize {
  const meta = heicMeta(bytes);
  for (const extents of meta.locations.values()) {
    if (extents.some((extent) => extent.offset + extent.length > bytes.length)) throw heicTruncated();
  }
  const size = meta.itemTypes.get(meta.primary) === 'grid' ? checkGrid(bytes, meta, meta.primary) : checkCoded(bytes, meta, meta.primary);
  const irot = propertyOf(meta, meta.primary, 'irot');
  const quarterTurns = irot && irot.end > irot.body ? (bytes[irot.body] ?? 0) & 0x03 : 0;
  return quarterTurns % 2 === 1 ? { width: size.height, height: size.width } : size;
}

/** What the file's one `meta` box says about its images (a file without one is cut short, or a sequence). */
export function heicMeta(bytes: Uint8Array): HeifMeta {
  const boxes = topLevelBoxes(bytes);
  const metas = boxes.filter((box) => box.type === 'meta');
  const [metaBox] = metas;
  if (!metaBox) {
    // A sequence's frames are a track (moov), not items; without either, the file ended before its picture was described.
    if (boxes.some((box) => box.type === 'moov')) throw new ScanRefusal(refusals.notAScan({ zh: '图像序列（连拍或动态照片）', en: 'an image sequence (a burst or a moving picture)' }));
    throw heicTruncated();
  }
  if (metas.length > 1) throw heicDamaged('图像信息重复', 'its image information is given twice');
  return readHeifMeta(bytes, metaBox);
}
