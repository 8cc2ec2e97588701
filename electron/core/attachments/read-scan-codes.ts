import { readFileSync } from 'node:fs';
import type { PDFiumLibrary } from '@hyzyla/pdfium';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { renderPageImage } from './render-page-image';
import type { ScanCodesJob } from './scan-image-protocol';

/**
 * The page is drawn this large to be read: a cover sheet's QR code is 90 mm wide, so its modules
 * are 10 pixels and more on an A4 page drawn 1400 pixels long – and a page that small decodes fast.
 */
const READ_LONG_SIDE = 1400;

let preparedFrom: string | null = null;

/** ZXing's WebAssembly from the program's files: left to itself the package would fetch it from a CDN. */
function prepare(zxingWasm: string): void {
  if (preparedFrom === zxingWasm) return;
  const wasmBinary = new Uint8Array(readFileSync(zxingWasm)).buffer;
  // Given the bytes, Emscripten reads nothing; it still asks where the file is, and is told.
  prepareZXingModule({ overrides: { wasmBinary, locateFile: () => zxingWasm } });
  preparedFrom = zxingWasm;
}

/** The text of every valid QR code on a page (its first, for the scan inbox), read as a scanner would: from its pixels. */
export async function readScanCodes(job: Omit<ScanCodesJob, 'id' | 'kind'>, pdfium: () => Promise<PDFiumLibrary>, zxingWasm: string): Promise<string[]> {
  prepare(zxingWasm);
  const drawn = await renderPageImage({ bytes: job.bytes, mediaType: job.mediaType, page: job.page, longSide: READ_LONG_SIDE }, pdfium);
  const found = await readBarcodes(new Uint8Array(drawn.jpeg), { formats: ['QRCode'], textMode: 'Plain', tryHarder: true, maxNumberOfSymbols: 4 });
  return found.filter((result) => result.isValid).map((result) => result.text);
}
