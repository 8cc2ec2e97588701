import type { PDFDict } from 'pdf-lib';
import { refusals, ScanRefusal } from './refusal';

/** One cross-reference section (a classic table or an xref stream) with its trailer. */
export interface XrefSection {
  /** Objects in use that are written directly in the file, and where each begins. */
  direct: { number: number; generation: number; offset: number }[];
  /** Object streams named by compressed entries: each must itself be an object in use. */
  objectStreams: number[];
  trailer: PDFDict;
}

export const brokenXref = (zh: string, en: string) => new ScanRefusal(refusals.brokenXref({ zh, en }));
