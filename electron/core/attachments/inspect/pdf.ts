import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { refusals, ScanRefusal } from './refusal';
import { checkPdfXref } from './pdf-xref';
import { pdfHeaderOffset } from './sniff';

/** Checks a PDF's structure and counts its pages from the page tree. */
export async function checkPdf(bytes: Uint8Array): Promise<{ pages: number }> {
  checkPdfXref(bytes, pdfHeaderOffset(bytes));
  let pages: number;
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false });
    pages = document.getPageCount();
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new ScanRefusal(refusals.encryptedPdf());
    throw new ScanRefusal(refusals.unreadablePdfPages());
  }
  if (pages === 0) throw new ScanRefusal(refusals.pdfWithoutPages());
  return { pages };
}
