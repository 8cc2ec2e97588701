import { degrees, PDFDocument, PDFImage, PDFName, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import type { ScanMediaType } from '../../../shared/contract';
import { retentionLabel } from '../../../shared/dossier-types';
import { AppError } from '../../../shared/errors';
import { dossierWriter, writeDossierRecord, type DossierRecordInput } from './dossier-record';
import { pictureKey } from './print-protocol';
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

/** A page drawn as a picture: JPEG or PNG. */
export type PrintPicture = { jpeg: Uint8Array } | { png: Uint8Array };

/**
 * What the printer needs of the pages' files, gathered (decrypted in memory) by the core and handed
 * to the print thread: each attached PDF's bytes, and each image page upright as the viewer shows
 * it (a TIFF page, a photo turned by its orientation tag, a HEIC photo as JPEG).
 */
export interface PrintScans {
  pdfs: Map<number, Uint8Array>;
  /** By `pictureKey`. */
  pictures: Map<string, PrintPicture>;
}

/**
 * The dossier as one PDF: a cover (archive number, title, level, retention, date opened, 内部资料，
 * 严禁外传), the record with its catalogue (卷内文件目录), then the scanned pages in the
 * catalogue's order. A page of an attached PDF goes in as that PDF page (its text stays
 * extractable), as the viewer shows it (its crop box, its own turn); an image as itself; each page
 * turned as stored. Every page carries the marking, the notice, its number and – for a classified
 * dossier – the watermark.
 */
export async function renderDossierPdf(input: DossierRecordInput, pages: readonly ScanPagePrint[], scans: PrintScans): Promise<Uint8Array> {
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
  const embedded = new Map<number, Map<number, { page: PDFEmbeddedPage; turned: number }>>();
  for (const page of pages) {
    await writer.figure(`${page.documentTitle}\u3000第 ${page.position}/${page.of} 页`, async ({ doc, page: target, box }) => {
      if (page.mediaType === 'application/pdf') {
        let ofFile = embedded.get(page.fileId);
        if (!ofFile) {
          ofFile = await embedPdfPages(doc, gathered(scans.pdfs.get(page.fileId)), pages.filter((p) => p.fileId === page.fileId).map((p) => p.pageInFile));
          embedded.set(page.fileId, ofFile);
        }
        const figure = ofFile.get(page.pageInFile);
        if (figure) place(target, box, figure.page, page.rotation + figure.turned);
      } else {
        const picture = gathered(scans.pictures.get(pictureKey(page)));
        place(target, box, 'jpeg' in picture ? await doc.embedJpg(picture.jpeg) : await doc.embedPng(picture.png), page.rotation);
      }
    });
  }
  return writer.save();
}

function gathered<T>(bytes: T | undefined): T {
  if (bytes === undefined) throw new AppError('INTERNAL', { zh: '扫描页未能取出', en: 'A scanned page was not gathered for printing' });
  return bytes;
}

/**
 * The pages of one attached PDF that are printed, embedded in one go (what they share – fonts,
 * images – is copied once), each cut to its crop box and with its own turn (/Rotate) to add.
 */
async function embedPdfPages(doc: PDFDocument, bytes: Uint8Array, wanted: readonly number[]): Promise<Map<number, { page: PDFEmbeddedPage; turned: number }>> {
  const original = await PDFDocument.load(bytes, { updateMetadata: false });
  const indexes = [...new Set(wanted)];
  const sources = indexes.map((index) => original.getPage(index));
  for (const page of sources) {
    // A blank page may have no content at all, which embedding refuses: it gets an empty one.
    if (!page.node.get(PDFName.of('Contents'))) page.node.set(PDFName.of('Contents'), original.context.register(original.context.stream('')));
  }
  const boxes = sources.map((page) => {
    const crop = page.getCropBox();
    return { left: crop.x, bottom: crop.y, right: crop.x + crop.width, top: crop.y + crop.height };
  });
  const figures = await doc.embedPages(sources, boxes);
  return new Map(indexes.map((index, i) => [index, { page: figures[i] as PDFEmbeddedPage, turned: sources[i]?.getRotation().angle ?? 0 }]));
}

/** Draws an image or an embedded page as large as fits in the box, centred, turned clockwise by `rotation`. */
function place(page: PDFPage, box: Box, figure: PDFImage | PDFEmbeddedPage, rotation: number): void {
  const quarter = ((Math.round(rotation / 90) * 90) % 360 + 360) % 360;
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
