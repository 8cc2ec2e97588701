import type { ThreadReply } from '../threads/thread-pool';
import type { CoverSheetData } from './cover-sheet';
import type { PrintScans, ScanPagePrint } from './dossier-pdf';
import type { DossierRecordInput } from './dossier-record';
import type { LabelsInput } from './labels';

/** A scanned page's picture in PrintScans.pictures: pages of one file share the file's decoding. */
export const pictureKey = (page: Pick<ScanPagePrint, 'fileId' | 'pageInFile'>): string => `${page.fileId}:${page.pageInFile}`;

/** A printable made on a print thread (print-worker.ts): what it is, with everything it shows. */
export type PrintJob =
  | { kind: 'labels'; input: LabelsInput }
  | { kind: 'cover-sheets'; sheets: CoverSheetData[] }
  | { kind: 'separator' }
  | { kind: 'dossier'; record: DossierRecordInput; pages: ScanPagePrint[]; scans: PrintScans };

export type PrintReply = ThreadReply<{ pdf: Uint8Array }>;
