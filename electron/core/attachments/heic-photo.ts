import { readFileSync } from 'node:fs';
import libheifFactory from 'libheif-js/libheif-wasm/libheif.js';
import { runtimePaths } from '../../../runtime/paths';
import { applyTurns, embeddedThumbnail } from './heic-thumbnail';

/**
 * The part of libheif-js's JavaScript wrapper used here (its type declarations cover only the C
 * functions): a top-level image's handle. Its `display` is not used – it decodes the same way
 * inside a timer, copies every row once more, and logs a failure to the console.
 */
interface HeifImage {
  handle: ImageHandle;
  is_primary(): boolean;
  free(): void;
}

/** A channel of an image libheif decoded (embind's enum values are objects, one per value). */
interface DecodedChannel {
  id: unknown;
  data: Uint8Array;
  width: number;
  height: number;
  stride: number;
}

/** libheif's handle of an image, or – when it has none such – its error (with a code). */
type ImageHandle = object;

interface LibHeif {
  HeifDecoder: new () => { decoder: { delete(): void } | null; decode(bytes: Uint8Array): HeifImage[] };
  // The functions the thumbnail is read through (libheif-js's wrapper has none for it).
  heif_js_context_get_image_handle(context: object, item: number): ImageHandle;
  heif_image_handle_release(handle: ImageHandle): void;
  heif_js_decode_image2(handle: ImageHandle, colorspace: unknown, chroma: unknown): DecodedImage | Promise<DecodedImage>;
  heif_image_release(image: unknown): void;
  heif_colorspace: { heif_colorspace_RGB: unknown };
  heif_chroma: { heif_chroma_interleaved_RGBA: unknown };
  heif_channel: { heif_channel_interleaved: unknown };
}

type DecodedImage = { code?: unknown; image?: unknown; channels?: DecodedChannel[] } | null;

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

/** RGBA rows, packed (libheif's may be padded to a stride). */
function packed({ data, width, height, stride }: DecodedChannel): DecodedPhoto {
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row += 1) pixels.set(data.subarray(row * stride, row * stride + width * 4), row * width * 4);
  return { data: pixels, width, height };
}

/** An image decoded to RGBA, upright as libheif shows it (turns, mirror and crop of its own applied); null if libheif will not. */
async function decodeHandle(heif: LibHeif, handle: ImageHandle): Promise<DecodedPhoto | null> {
  const decoded = await heif.heif_js_decode_image2(handle, heif.heif_colorspace.heif_colorspace_RGB, heif.heif_chroma.heif_chroma_interleaved_RGBA);
  if (!decoded || decoded.code) return null;
  try {
    const channel = decoded.channels?.find((c) => c.id === heif.heif_channel.heif_channel_interleaved);
    return channel ? packed(channel) : null;
  } finally {
    heif.heif_image_release(decoded.image);
  }
}

/** An item of the file that is not top-level (a thumbnail) decoded; null if libheif will not. */
async function decodeItem(heif: LibHeif, context: object, item: number): Promise<DecodedPhoto | null> {
  const handle = heif.heif_js_context_get_image_handle(context, item);
  if ('code' in handle) return null;
  try {
    return await decodeHandle(heif, handle);
  } finally {
    heif.heif_image_handle_release(handle);
  }
}

/**
 * Decodes a HEIC photo's primary image – the one a phone shows as the photo; a burst's other
 * frames are not pages – upright: libheif applies the file's turn and mirror (irot, imir) and
 * crop. heic-decode is not used: it decodes the first top-level image, which need not be the
 * primary one. Heavy (a 12-megapixel photo takes a good part of a second): for the scan image threads.
 *
 * Drawn to fit `longSide` pixels (a thumbnail), the photo's own thumbnail is decoded instead when
 * it carries one at least that large (embeddedThumbnail) – a few milliseconds – turned as the photo is.
 */
export async function decodeHeicPhoto(bytes: Uint8Array, longSide?: number): Promise<DecodedPhoto> {
  const heif = libheif();
  const decoder = new heif.HeifDecoder();
  const images = decoder.decode(bytes);
  try {
    const photo = images.find((image) => image.is_primary()) ?? images[0];
    if (!photo) throw new Error('libheif found no image in the HEIC file');
    const thumbnail = longSide === undefined ? null : embeddedThumbnail(bytes, longSide);
    const small = thumbnail && decoder.decoder && (await decodeItem(heif, decoder.decoder, thumbnail.item));
    if (thumbnail && small) return applyTurns(small, thumbnail.turns);
    const shown = await decodeHandle(heif, photo.handle);
    if (!shown) throw new Error('libheif could not decode the HEIC photo');
    return shown;
  } finally {
    for (const image of images) image.free();
    decoder.decoder?.delete();
  }
}
