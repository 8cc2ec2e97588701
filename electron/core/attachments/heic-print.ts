import { drawPageImage } from './scan-image-pool';
import { LONG_SIDE } from './scan-image-protocol';

/**
 * A HEIC photo as a JPEG for the dossier's PDF, in memory: upright, at the viewer's size (about
 * 240 dpi across an A4 page). It is decoded on a scan image thread – libheif is WebAssembly, and
 * a decode on the core's thread would hold up every other call for its length.
 */
export async function heicPhotoAsJpeg(bytes: Uint8Array): Promise<Uint8Array> {
  // A copy is handed to the thread: the caller keeps its bytes.
  return (await drawPageImage({ bytes: bytes.slice(), mediaType: 'image/heic', page: 0, longSide: LONG_SIDE.view })).jpeg;
}
