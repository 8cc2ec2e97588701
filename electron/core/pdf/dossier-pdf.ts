import { degrees, PDFDocument, PDFImage, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import type { ScanMediaType } from '../../../shared/contract';
import { retentionLabel } from '../../../shared/dossier-types';
import { dossierWriter, writeDossierRecord, type DossierRecordInput } from './dossier-record';
import type { Box } from './pdf-writer';

/** One scanned page to print, in the order the dossier's catalogue gives. */
export interface ScanPagePrint {
  documentTitle: string;
  /** The page's place in its document, and how many pages it has. */
  position: number;
  of: number;
  rotation: number;
  mediaType: ScanMediaType;
  pageInFile: number;
  /** Pages of one file share this (a PDF is parsed once). */
  fileId: number;
}

/** What the printer needs of a page's file: its bytes, or – for a TIFF page – the page as JPEG. */
export interface ScanSource {
  original(fileId: number): Promise<Uint8Array>;
  tiffPage(fileId: number, pageInFile: number): Promise<Uint8Array>;
}

/** Gives the event loop a turn: a long PDF is assembled beside the core's other calls, never blocking them for long. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The dossier as one PDF: a cover (archive number, title, level, retention, date opened, 内部资料，
 * 严禁外传), the record with its catalogue (卷内文件目录), then the scanned pages in the
 * catalogue's order. A page of an attached PDF goes in as that PDF page (its text stays
 * extractable), an image as itself; each page shown turned as it is stored. Every page carries the
 * marking, the notice, its number and – for a classified dossier – the watermark.
 */
export async function renderDossierPdf(input: DossierRecordInput, pages: readonly ScanPagePrint[], source: ScanSource): Promise<Uint8Array> {
  const { dossier } = input;
  const writer = await dossierWriter(input);
  writer.cover([
    { text: '档\u3000案', size: 34, bold: true },
    { text: dossier.archiveNumber, size: 18, bold: true },
    { text: dossier.title, size: 16 },
    { text: `密级：${input.levelLabel}\u3000\u3000保管期限：${dossier.retention ? retentionLabel(dossier.retention) : '—'}`, size: 12 },
    { text: `建档日期：${dossier.openedOn ?? dossier.createdAt.slice(0, 10)}\u3000\u3000所属部门：${dossier.department.name}`, size: 12 },
    { text: `卷内文件 ${dossier.documents.length} 份${pages.length > 0 ? `，扫描页 ${pages.length} 页` : ''}`, size: 11, muted: true },
    { text: '内部资料，严禁外传', size: 14, bold: true },
  ]);
  writeDossierRecord(writer, input);
  const pdfs = new Map<number, PDFDocument>();
  for (const page of pages) {
    await writer.figure(`${page.documentTitle}\u3000第 ${page.position}/${page.of} 页`, async ({ doc, page: target, box }) => {
      if (page.mediaType === 'application/pdf') {
        let original = pdfs.get(page.fileId);
        if (!original) {
          original = await PDFDocument.load(await source.original(page.fileId), { updateMetadata: false });
          pdfs.set(page.fileId, original);
        }
        const [embedded] = await doc.embedPages([original.getPage(page.pageInFile)]);
        if (embedded) place(target, box, embedded, page.rotation);
      } else {
        const bytes = page.mediaType === 'image/tiff' ? await source.tiffPage(page.fileId, page.pageInFile) : await source.original(page.fileId);
        place(target, box, page.mediaType === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes), page.rotation);
      }
    });
    await breathe();
  }
  return writer.save({ objectsPerTick: 200 });
}

/** Draws an image or an embedded page as large as fits in the box, centred, turned clockwise by `rotation`. */
function place(page: PDFPage, box: Box, figure: PDFImage | PDFEmbeddedPage, rotation: number): void {
  const quarter = ((rotation % 360) + 360) % 360;
  const sideways = quarter === 90 || quarter === 270;
  const shownWidth = sideways ? figure.height : figure.width;
  const shownHeight = sideways ? figure.width : figure.height;
  const scale = Math.min(box.width / shownWidth, box.height / shownHeight);
  const width = figure.width * scale;
  const height = figure.height * scale;
  const left = box.x + (box.width - shownWidth * scale) / 2;
  const bottom = box.y + (box.height - shownHeight * scale) / 2;
  // pdf-lib turns counter-clockwise about the figure's lower-left corner: place that corner so the turned figure fills the centred box.
  const corner = { 0: [left, bottom], 90: [left, bottom + width], 180: [left + width, bottom + height], 270: [left + height, bottom] }[quarter as 0 | 90 | 180 | 270] ?? [left, bottom];
  const options = { x: corner[0] ?? left, y: corner[1] ?? bottom, width, height, rotate: degrees(-quarter) };
  if (figure instanceof PDFImage) page.drawImage(figure, options);
  else page.drawPage(figure, options);
}
