import type { PdfWriter } from './pdf-writer';

/**
 * A PDF writer for a PDF the core makes on its own thread (a report, a list, a record). Its code –
 * pdf-lib, fontkit and the fonts' handling, about 1.4 MB – is loaded when the first such PDF is
 * made, not at every start of the program (each command-line call among them).
 */
export async function createPdfWriter(...args: Parameters<typeof PdfWriter.create>): Promise<PdfWriter> {
  const { PdfWriter } = await import('./pdf-writer');
  return PdfWriter.create(...args);
}
