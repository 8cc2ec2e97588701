import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withPdfFile<T>(bytes: Uint8Array, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'dossierdesk-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (tool: string, args: string[], env?: NodeJS.ProcessEnv) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(env ? { env } : {}) });

/** Runs poppler/qpdf tools on PDF bytes, as a reader of the file would see it. */
export function inspectPdf(bytes: Uint8Array): { text: string; layout: string; fonts: string; pages: number; pageSize: string; info: string; check: string } {
  return withPdfFile(bytes, (file) => {
    const info = run('pdfinfo', [file]);
    return {
      // -raw: content-stream order.
      text: run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']),
      // -layout: as printed, each line of the page one line of text.
      layout: run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']),
      fonts: run('pdffonts', [file]),
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
      pageSize: /Page size:\s+(.+)/.exec(info)?.[1] ?? '',
      // Custom entries too (the watermark's wording).
      info: run('pdfinfo', ['-custom', file]),
      check: run('qpdf', ['--check', file]),
    };
  });
}

export interface Raster {
  width: number;
  height: number;
  /** Red, green, blue per pixel, row by row. */
  rgb: Uint8Array;
}

/**
 * One page as pixels, rendered by poppler with the system's fonts hidden (an empty fontconfig):
 * what shows is what the PDF itself carries, never a substituted font.
 */
export function renderPdfPage(bytes: Uint8Array, page = 1, dpi = 40): Raster {
  return withPdfFile(bytes, (file, dir) => {
    const fontconfig = join(dir, 'fonts.conf');
    writeFileSync(fontconfig, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n');
    const out = join(dir, 'page');
    run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out], { ...process.env, FONTCONFIG_FILE: fontconfig });
    const ppm = readFileSync(`${out}.ppm`);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm wrote no binary PPM');
    return { width: Number(header[1]), height: Number(header[2]), rgb: new Uint8Array(ppm.subarray(header[0].length)) };
  });
}

/** The share of pixels in a part of the page (fractions of width and height) that are tinted red. */
export function redShare(raster: Raster, area: { left: number; top: number; right: number; bottom: number }): number {
  let red = 0;
  let all = 0;
  for (let y = Math.floor(area.top * raster.height); y < Math.floor(area.bottom * raster.height); y += 1) {
    for (let x = Math.floor(area.left * raster.width); x < Math.floor(area.right * raster.width); x += 1) {
      const i = (y * raster.width + x) * 3;
      const [r = 0, g = 0, b = 0] = [raster.rgb[i], raster.rgb[i + 1], raster.rgb[i + 2]];
      if (r - g > 12 && r - b > 12) red += 1;
      all += 1;
    }
  }
  return all === 0 ? 0 : red / all;
}

/** The share of pixels in a part of the page that carry ink (anything but near-white). */
export function inkShare(raster: Raster, area: { left: number; top: number; right: number; bottom: number }): number {
  let ink = 0;
  let all = 0;
  for (let y = Math.floor(area.top * raster.height); y < Math.floor(area.bottom * raster.height); y += 1) {
    for (let x = Math.floor(area.left * raster.width); x < Math.floor(area.right * raster.width); x += 1) {
      const i = (y * raster.width + x) * 3;
      if (Math.min(raster.rgb[i] ?? 255, raster.rgb[i + 1] ?? 255, raster.rgb[i + 2] ?? 255) < 200) ink += 1;
      all += 1;
    }
  }
  return all === 0 ? 0 : ink / all;
}

/** The images a PDF draws, as poppler's `pdfimages -list` tells them: on which page, their pixel size and coding (jpeg, image …). */
export function pdfImages(bytes: Uint8Array): { page: number; width: number; height: number; encoding: string }[] {
  return withPdfFile(bytes, (file) =>
    run('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length > 8)
      .map(([page, , type, width, height, , , , encoding]) => ({ page: Number(page), width: Number(width), height: Number(height), encoding: `${type === 'image' ? '' : `${type}:`}${encoding ?? ''}` })),
  );
}
