import { latin1 } from './bytes';

/** One box of an ISO base media file (HEIF, MP4): its type, where it starts, where its content starts and where it ends. */
export interface IsoBox {
  type: string;
  start: number;
  body: number;
  end: number;
}

/** A box that does not fit: past the end of the file (cut short) or past the end of the box it lies in (damaged). */
export class BoxOutOfBounds extends Error {
  constructor(readonly pastEndOfFile: boolean) {
    super(pastEndOfFile ? 'a box runs past the end of the file' : 'a box runs past the end of its parent');
  }
}

/** A box's size field said less than its own header: damage, not a box. */
export class BoxMalformed extends Error {}

/**
 * The boxes between `from` and `to`, each whole: size (32 bits; 1 = a 64-bit size follows; 0 = to
 * `to`), then the type. A box that runs past `to` is out of bounds – cut short when `to` is the end
 * of the file.
 */
export function boxesIn(bytes: Uint8Array, from: number, to: number): IsoBox[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: IsoBox[] = [];
  for (let start = from; start < to; ) {
    if (start + 8 > to) throw new BoxOutOfBounds(start + 8 > bytes.length);
    const size32 = view.getUint32(start);
    const type = latin1(bytes, start + 4, start + 8);
    let body = start + 8;
    let size = size32;
    if (size32 === 1) {
      if (start + 16 > to) throw new BoxOutOfBounds(start + 16 > bytes.length);
      size = Number(view.getBigUint64(start + 8));
      body = start + 16;
    } else if (size32 === 0) {
      size = to - start;
    }
    if (size < body - start) throw new BoxMalformed(`the ${type} box is smaller than its header`);
    const end = start + size;
    if (end > to) throw new BoxOutOfBounds(end > bytes.length);
    boxes.push({ type, start, body, end });
    start = end;
  }
  return boxes;
}

/** The boxes inside a full box (one with a version byte and 24 bits of flags before its content). */
export function boxesInFullBox(bytes: Uint8Array, box: IsoBox, skip = 0): IsoBox[] {
  return boxesIn(bytes, box.body + 4 + skip, box.end);
}
