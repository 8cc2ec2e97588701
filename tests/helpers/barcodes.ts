import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { renderPdfPage, type Raster } from './pdf';

/**
 * Barcodes read back the way a scanner would: from the printed page's pixels, with ZXing
 * (zxing-wasm). Its .wasm is read from node_modules – left to itself the package fetches it from
 * a CDN.
 */
const wasmFile = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
prepareZXingModule({
  // Given the bytes, Emscripten reads nothing; it still asks where the file is, and is told: here.
  overrides: { wasmBinary: readFileSync(wasmFile), locateFile: () => wasmFile },
});

export interface DecodedBarcode {
  format: string;
  /** The symbol's content as encoded (no interpretation for display). */
  text: string;
  /** QR: L, M, Q or H. */
  ecLevel: string;
  /** Read from a mirror image – a symbol drawn flipped, which many scanners refuse. */
  isMirrored: boolean;
  /** Where it is, in pixels: the centre of its corners. */
  centre: { x: number; y: number };
}

const options: ReaderOptions = { formats: ['QRCode', 'Code128'], textMode: 'Plain', tryHarder: true, maxNumberOfSymbols: 255 };

/** The barcodes in pixels (e.g. a page rendered by renderPdfPage). */
export function decodeRaster(raster: Raster): Promise<DecodedBarcode[]> {
  // As a binary PPM file, which the decoder reads like any other image file.
  const header = Buffer.from(`P6\n${raster.width} ${raster.height}\n255\n`, 'latin1');
  return decodeImageFile(new Uint8Array(Buffer.concat([header, raster.rgb])));
}

/** The barcodes in an image file's bytes: PNG, JPEG, BMP, PPM (a screenshot, a scanned page). */
export async function decodeImageFile(bytes: Uint8Array): Promise<DecodedBarcode[]> {
  const results = await readBarcodes(bytes, options);
  return results
    .filter((result) => result.isValid)
    .map((result) => {
      const corners = [result.position.topLeft, result.position.topRight, result.position.bottomLeft, result.position.bottomRight];
      return {
        format: result.format,
        text: result.text,
        ecLevel: result.ecLevel,
        isMirrored: result.isMirrored,
        centre: { x: corners.reduce((sum, c) => sum + c.x, 0) / 4, y: corners.reduce((sum, c) => sum + c.y, 0) / 4 },
      };
    });
}

/** The barcodes on a page of a PDF printed at `dpi` (200: an office scanner's usual resolution), top to bottom, left to right. */
export async function decodePdfPage(bytes: Uint8Array, page = 1, dpi = 200): Promise<DecodedBarcode[]> {
  const found = await decodeRaster(renderPdfPage(bytes, page, dpi));
  return found.sort((a, b) => a.centre.y - b.centre.y || a.centre.x - b.centre.x);
}

/** A barcode drawn as vector shapes on a page (electron/core/pdf/barcode.ts), as its rectangles say. */
export interface DrawnBarcode {
  kind: 'qr' | 'linear';
  /** Points: a QR code's module; a linear code's narrowest bar. */
  module: number;
  /** Points: the box of its dark parts. */
  left: number;
  bottom: number;
  right: number;
  top: number;
}

const MM = 72 / 25.4;
export const points = (millimetres: number): number => millimetres * MM;

/**
 * The barcodes of a page, measured from its content streams: each is one `q 0 g … re … f Q`
 * block. A QR code's rectangles (runs of modules) are all one module tall; a Code 128's bars all
 * one height, many times its narrowest bar (or, turned, one width).
 */
export async function drawnBarcodes(bytes: Uint8Array, page = 0): Promise<DrawnBarcode[]> {
  const doc = await PDFDocument.load(bytes);
  const contents = doc.getPage(page).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const text = streams
    .map((ref) => doc.context.lookup(ref))
    .map((stream) => (stream instanceof PDFRawStream ? inflateSync(stream.contents).toString('latin1') : ''))
    .join('\n');
  const found: DrawnBarcode[] = [];
  for (const block of text.matchAll(/q 0 g\n([\s\S]*?)\nf Q/g)) {
    const rectangles = Array.from((block[1] ?? '').matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g), (m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
    const widths = rectangles.map(([, , w]) => w);
    const heights = rectangles.map(([, , , h]) => h);
    const [minWidth, minHeight] = [Math.min(...widths), Math.min(...heights)];
    const sameHeight = Math.max(...heights) - minHeight < 0.01;
    const kind = sameHeight && Math.abs(minHeight - minWidth) < 0.01 ? 'qr' : 'linear';
    found.push({
      kind,
      module: Math.min(minWidth, minHeight),
      left: Math.min(...rectangles.map(([x]) => x)),
      bottom: Math.min(...rectangles.map(([, y]) => y)),
      right: Math.max(...rectangles.map(([x, , w]) => x + w)),
      top: Math.max(...rectangles.map(([, y, , h]) => y + h)),
    });
  }
  return found;
}
