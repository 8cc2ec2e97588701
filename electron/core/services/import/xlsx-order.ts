import { PassThrough, type Readable } from 'node:stream';
import JSZip from 'jszip';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** What a streaming reader must have read before a worksheet's rows mean anything. */
const NEEDED_FIRST = /^xl\/(sharedStrings\.xml|_rels\/workbook\.xml\.rels|workbook\.xml)$/;

/**
 * An .xlsx as a zip stream whose parts come in the order a streaming reader needs: the workbook,
 * its relationships and the shared strings before any worksheet. Excel itself writes the shared
 * strings after the worksheets, and exceljs's streaming reader then spools each worksheet it
 * meets first to a plaintext temp file outside the data folder – and, when a read stops early
 * (the header row), gives its text cells back empty. Reordered here, in memory, nothing reaches
 * the disk. A file already in that order streams as it is.
 */
export async function xlsxInReadingOrder(bytes: Buffer, asStored: () => Readable): Promise<Readable> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.values(zip.files)
    .filter((file) => !file.dir)
    .map((file) => file.name);
  const firstSheet = names.findIndex((name) => WORKSHEET.test(name));
  const lastNeeded = names.reduce((last, name, index) => (NEEDED_FIRST.test(name) ? index : last), -1);
  if (firstSheet === -1 || lastNeeded < firstSheet) return asStored();
  const ordered = new JSZip();
  for (const name of [...names.filter((n) => !WORKSHEET.test(n)), ...names.filter((n) => WORKSHEET.test(n))]) {
    const file = zip.file(name);
    if (file) ordered.file(name, file.nodeStream(), { binary: true, createFolders: false });
  }
  // Deflated (fast) so the reader knows where each part ends without sizes written ahead of it.
  // JSZip's stream is not one of Node's own: piped through one, the reader recognises it.
  const out = new PassThrough();
  ordered
    .generateNodeStream({ streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 1 } })
    .on('error', (error: Error) => out.destroy(error))
    .pipe(out);
  return out;
}
