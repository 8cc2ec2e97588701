import type { ScanImageSize, ScanMediaType } from '../../../shared/contract/scan';

/** How large each size is made: the longest side at most this many pixels (never enlarged). */
export const LONG_SIDE: Record<ScanImageSize, number> = { thumbnail: 240, view: 2000 };

/** What the scan-image thread is started with. */
export interface ScanImageWorkerData {
  /** PDFium's WebAssembly, read from the program's own files (runtime/paths.ts), never fetched. */
  pdfiumWasm: string;
  /** ZXing's reader as WebAssembly (the scan inbox's cover and separator codes), read from the program's files. */
  zxingWasm: string;
}

/** One page to draw: the file's plaintext (transferred, not copied), its kind, the page (0-based) and the longest side wanted. */
export interface PageImageJob {
  id: number;
  bytes: Uint8Array;
  mediaType: ScanMediaType;
  page: number;
  longSide: number;
}

/** The barcodes on one page (a scan inbox file's first page: is it a cover or separator sheet?). */
export interface ScanCodesJob {
  id: number;
  kind: 'codes';
  bytes: Uint8Array;
  mediaType: ScanMediaType;
  page: number;
}

/** What the thread is given: a page to draw (the job without a kind, as it always was) or a page to read codes from. */
export type ScanImageJob = PageImageJob | ScanCodesJob;

/** The text of every valid barcode on the page, or why the page could not be read. */
export type ScanCodesReply = { id: number; ok: true; codes: string[] } | { id: number; ok: false; reason: string };

/** A page drawn as a JPEG, unturned, or why it could not be drawn. */
export type PageImageReply = { id: number; ok: true; jpeg: Uint8Array; width: number; height: number } | { id: number; ok: false; reason: string };
