import { readFileSync } from 'node:fs';
import libheifFactory from 'libheif-js/libheif-wasm/libheif.js';
import { runtimePaths } from '../../../runtime/paths';

/** The part of libheif-js's JavaScript wrapper used here (its type declarations cover only the C functions). */
interface HeifImage {
  get_width(): number;
  get_height(): number;
  is_primary(): boolean;
  display(target: DecodedPhoto, done: (shown: DecodedPhoto | null) => void): void;
  free(): void;
}

interface LibHeif {
  HeifDecoder: new () => { decoder: { delete(): void } | null; decode(bytes: Uint8Array): HeifImage[] };
}

/** A photo's pixels: RGBA, row by row. */
export interface DecodedPhoto {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * libheif, started once per thread when the first photo is asked for. Its WebAssembly is read
 * from the program's own files (runtime/paths.ts, found from where this code lies), never fetched;
 * given the bytes, the module is ready at once.
 */
let library: LibHeif | null = null;
function libheif(): LibHeif {
  library ??= (libheifFactory as unknown as (options: { wasmBinary: ArrayBuffer }) => LibHeif)({ wasmBinary: new Uint8Array(readFileSync(runtimePaths().heifWasm)).buffer });
  return library;
}

/**
 * Decodes a HEIC photo's primary image – the one a phone shows as the photo; a burst's other
 * frames are not pages – upright: libheif applies the file's turn and mirror (irot, imir) and
 * crop. heic-decode is not used: it decodes the first top-level image, which need not be the
 * primary one. Heavy (a 12-megapixel photo takes a good part of a second): for the scan image threads.
 */
export async function decodeHeicPhoto(bytes: Uint8Array): Promise<DecodedPhoto> {
  const decoder = new (libheif().HeifDecoder)();
  const images = decoder.decode(bytes);
  try {
    const photo = images.find((image) => image.is_primary()) ?? images[0];
    if (!photo) throw new Error('libheif found no image in the HEIC file');
    const width = photo.get_width();
    const height = photo.get_height();
    return await new Promise<DecodedPhoto>((resolve, reject) => {
      photo.display({ data: new Uint8ClampedArray(width * height * 4), width, height }, (shown) => (shown ? resolve(shown) : reject(new Error('libheif could not decode the HEIC photo'))));
    });
  } finally {
    for (const image of images) image.free();
    decoder.decoder?.delete();
  }
}
