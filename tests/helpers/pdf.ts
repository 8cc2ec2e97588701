import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs poppler/qpdf tools on PDF bytes, as a reader of the file would see it. */
export function inspectPdf(bytes: Uint8Array): { text: string; layout: string; fonts: string; pages: number; check: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dossierdesk-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
    const info = run('pdfinfo', [file]);
    return {
      // -raw: content-stream order, so rotated watermark text does not interleave with the lines.
      text: run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']),
      // -layout: as printed, each line of the page one line of text.
      layout: run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']),
      fonts: run('pdffonts', [file]),
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
      check: run('qpdf', ['--check', file]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
