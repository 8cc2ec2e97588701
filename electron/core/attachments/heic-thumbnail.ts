import type { DecodedPhoto } from './heic-photo';
import { declaredSize, heicMeta } from './inspect/heic';
import type { HeifMeta } from './inspect/heif-meta';

/** A turn of a HEIF image, as its `irot` (quarter turns anticlockwise) or `imir` property gives it. */
export type HeifTurn = { quarterTurns: number } | { mirrorAxis: 0 | 1 };

/** A thumbnail a HEIC photo carries, and the turns that show it as the photo is shown. */
export interface EmbeddedThumbnail {
  item: number;
  turns: HeifTurn[];
}

/** The image's turn and mirror, in the order the file gives them (the order they apply in). */
function turnsOf(bytes: Uint8Array, meta: HeifMeta, item: number): HeifTurn[] {
  return (meta.properties.get(item) ?? []).flatMap((box): HeifTurn[] => {
    if (box.end <= box.body) return [];
    const value = bytes[box.body] ?? 0;
    if (box.type === 'irot') return [{ quarterTurns: value & 0x03 }];
    if (box.type === 'imir') return [{ mirrorAxis: (value & 0x01) as 0 | 1 }];
    return [];
  });
}

/**
 * The smallest thumbnail a HEIC photo carries (an iPhone's: 320 × 240 or so, beside the 12-megapixel
 * photo) that is at least `longSide` pixels on its longer side and shows the photo's whole picture
 * (its shape the photo's; none when the photo is cropped, clap); null when there is none such.
 * A phone gives the photo its turn and mirror, not the thumbnail (libheif applies an image's own
 * only): unless the thumbnail has its own, the photo's are to be applied to it.
 */
export function embeddedThumbnail(bytes: Uint8Array, longSide: number): EmbeddedThumbnail | null {
  let meta: HeifMeta;
  try {
    meta = heicMeta(bytes);
  } catch {
    return null; // Not for a thumbnail to judge: decoding the photo itself says what is wrong.
  }
  const { primary } = meta;
  if ((meta.properties.get(primary) ?? []).some((box) => box.type === 'clap')) return null;
  const sizeOf = (item: number) => {
    try {
      return declaredSize(bytes, meta, item);
    } catch {
      return null;
    }
  };
  const photo = sizeOf(primary);
  if (!photo) return null;
  const candidates = meta.references
    .filter((reference) => reference.type === 'thmb' && reference.to.includes(primary))
    .flatMap(({ from: item }) => {
      const size = meta.itemTypes.get(item) === 'hvc1' ? sizeOf(item) : null;
      const sameShape = size !== null && Math.abs(size.width / size.height - photo.width / photo.height) < 0.02;
      return size && sameShape && Math.max(size.width, size.height) >= longSide ? [{ item, pixels: size.width * size.height }] : [];
    })
    .sort((a, b) => a.pixels - b.pixels);
  const [chosen] = candidates;
  if (!chosen) return null;
  const own = turnsOf(bytes, meta, chosen.item);
  return { item: chosen.item, turns: own.length > 0 ? [] : turnsOf(bytes, meta, primary) };
}

/** One turn applied to RGBA pixels: a quarter turn anticlockwise, or a mirror (axis 0: top and bottom swapped, 1: left and right – as libheif shows them). */
function turnOnce(photo: DecodedPhoto, turn: HeifTurn): DecodedPhoto {
  const { width, height } = photo;
  const from = new Uint32Array(photo.data.buffer, photo.data.byteOffset, width * height);
  const quarter = 'quarterTurns' in turn;
  const [w, h] = quarter ? [height, width] : [width, height];
  const data = new Uint8ClampedArray(w * h * 4);
  const to = new Uint32Array(data.buffer);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const pixel = from[y * width + x] as number;
      if (quarter) to[(width - 1 - x) * w + y] = pixel;
      else if (turn.mirrorAxis === 0) to[(height - 1 - y) * w + x] = pixel;
      else to[y * w + (width - 1 - x)] = pixel;
    }
  }
  return { data, width: w, height: h };
}

/** The pixels turned as the turns say, in their order. */
export function applyTurns(photo: DecodedPhoto, turns: readonly HeifTurn[]): DecodedPhoto {
  let shown = photo;
  for (const turn of turns) {
    const times = 'quarterTurns' in turn ? turn.quarterTurns : 1;
    for (let i = 0; i < times; i += 1) shown = turnOnce(shown, 'quarterTurns' in turn ? { quarterTurns: 1 } : turn);
  }
  return shown;
}
