import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A word of a PDF page as poppler reads it, with its box in points from the page's bottom left. */
export interface PdfWord {
  text: string;
  left: number;
  bottom: number;
  right: number;
  top: number;
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The words of a page (1 for the first) and where they are printed (`pdftotext -bbox`). */
export function pdfWords(bytes: Uint8Array, page = 1): PdfWord[] {
  const dir = mkdtempSync(join(tmpdir(), 'dossierdesk-words-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const height = Number(/<page width="[\d.]+" height="([\d.]+)">/.exec(html)?.[1] ?? NaN);
    return Array.from(html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g), (m) => ({
      text: unescape(m[5] ?? ''),
      left: Number(m[1]),
      right: Number(m[3]),
      top: height - Number(m[2]),
      bottom: height - Number(m[4]),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
