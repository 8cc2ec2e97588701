import { PDFDocument } from 'pdf-lib';
import { fontkitForPdfLib } from './fonts';

/** A new PDF as the archive makes them: fontkit for its CJK fonts, its metadata, DossierDesk as its maker. */
export async function createArchivePdf(meta: { title: string; subject: string; author: string }): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setAuthor(meta.author);
  doc.setCreator('DossierDesk 客户档案管理系统');
  doc.setProducer('DossierDesk');
  return doc;
}
