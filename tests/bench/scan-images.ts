import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { summarise, time, type Figure } from '../../electron/cli/bench/stats';
import { createCore, type Core } from '../../electron/core/core';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { stageBytes } from '../helpers/core';
import { migrationsDir } from '../helpers/paths';
import { heicFile } from '../helpers/heic-files';
import { a4ScanJpeg } from '../helpers/scan-images';

export interface ScanImageBenchOptions {
  /** Scanned pages of each kind: so many JPEGs, and a scanned PDF of so many pages. */
  pages: number;
  /** Pages of the large scanned PDF whose thumbnail strip is asked for at once (default 100). */
  stripPages?: number;
  progress: (text: string) => void;
}

const ADMIN = { login: 'bench-admin', displayName: '基准测试管理员', password: 'bench-password-1' };
/** The issue's target for a page's thumbnail, once kept. */
const TARGET_MS = 100;
const PHOTO_GRID = { rows: 12, columns: 12 } as const;
const PHOTO_TURNS = [0, 1, 2, 3] as const;
const PHOTO_CONTEXT = `${PHOTO_TURNS.length} HEIC phone photos, 3840 × 2880`;

async function must<C extends Channel>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.invoke(channel, input, 'ui');
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.messageEn}`);
  return result.data as OutputOf<C>;
}

/** A PDF as a scanner writes one: each A4 page a scanned JPEG (the scans used in turn, each page its own image). */
async function scannedPdf(scans: readonly Uint8Array[], pages = scans.length): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) {
    const image = await document.embedJpg(scans[i % scans.length] ?? new Uint8Array());
    document.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return document.save();
}

/**
 * `npm run bench` – a page's thumbnail (scan:page-image) when it is first asked for (decrypted,
 * drawn on a scan image thread, kept encrypted) and when it is kept, for A4 scans filed as JPEGs
 * (~300 KB each) and for the pages of a scanned PDF; and the viewer's size drawn the first time.
 * The core runs in this process, as the CLI's does; its threads are started (and PDFium loaded) by
 * a first page before the clock runs – that start is reported as a note.
 */
export async function runScanImageBench(options: ScanImageBenchOptions): Promise<{ figures: Figure[]; notes: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-scan-images-'));
  const core = createCore({ dataDir: join(root, 'archive'), migrationsDir, appVersion: 'bench', idleCheckIntervalMs: 0, pageCheck: false, log: () => undefined });
  try {
    await must(core, 'archive:create', { admin: ADMIN });
    const { archiveNumber } = await must(core, 'dossier:create', { title: '扫描件基准测试' });
    options.progress(`scan images: filing ${options.pages} scanned A4 JPEGs and a scanned PDF of ${options.pages} pages …`);
    const scans = await Promise.all(Array.from({ length: options.pages + 1 }, (_, i) => a4ScanJpeg(i + 1)));
    const [warmUp, ...jpegs] = scans;
    const pdf = await scannedPdf(jpegs);
    const stripPages = options.stripPages ?? 100;
    const strip = await scannedPdf(jpegs, stripPages);
    const staged = [
      await stageBytes(core, 'warm-up.jpg', warmUp ?? new Uint8Array(), 'scan'),
      ...(await Promise.all(jpegs.map((jpeg, i) => stageBytes(core, `scan-${i + 1}.jpg`, jpeg, 'scan')))),
      await stageBytes(core, 'scanned.pdf', pdf, 'scan'),
      await stageBytes(core, 'strip.pdf', strip, 'scan'),
      // Phone photos of 3840 × 2880 (a grid of 144 tiles, as an iPhone codes its 12 megapixels in tiles), each turned its own way so that none is stored as another; half carry a 320 × 240 thumbnail of their own, as an iPhone's do.
      ...(await Promise.all(PHOTO_TURNS.flatMap((quarterTurns) => [true, false].map((own) => stageBytes(core, `photo-${quarterTurns}-${own ? 'thumbnail' : 'none'}.heic`, heicFile({ grid: PHOTO_GRID, quarterTurns, ...(own ? { thumbnail: {} } : {}) }), 'scan'))))),
    ];
    await must(core, 'scan:add', { archiveNumber, stagedFileIds: staged });
    const pages = (await must(core, 'scan:list', { archiveNumber })).documents.flatMap((d) => d.pages);
    const ids = (name: (sourceName: string) => boolean) => pages.filter((p) => name(p.sourceName)).map((p) => p.id);
    const jpegPages = ids((n) => n.startsWith('scan-'));
    const pdfPages = ids((n) => n === 'scanned.pdf');
    const stripIds = ids((n) => n === 'strip.pdf');
    const photosWith = ids((n) => n.endsWith('-thumbnail.heic'));
    const photosWithout = ids((n) => n.endsWith('-none.heic'));

    const coldStart = performance.now();
    await must(core, 'scan:page-image', { pageId: ids((n) => n === 'warm-up.jpg')[0] ?? 0, size: 'thumbnail' });
    await must(core, 'scan:page-image', { pageId: pdfPages.at(-1) ?? 0, size: 'view' });
    const coldMs = performance.now() - coldStart;

    const thumbnail = (list: number[]) => (i: number) => must(core, 'scan:page-image', { pageId: list[i] ?? 0, size: 'thumbnail' });
    const jpegContext = `${jpegPages.length} A4 scans, ${Math.round(jpegs.reduce((n, j) => n + j.length, 0) / jpegs.length / 1024)} KB each`;
    const pdfContext = `${pdfPages.length}-page scanned PDF, ${(pdf.length / 1024 / 1024).toFixed(1)} MB`;
    options.progress('scan images: thumbnails, first asked for and kept …');
    const figures = [
      summarise('scan thumbnail, first asked for (JPEG page)', jpegContext, await time(jpegPages.length, thumbnail(jpegPages))),
      summarise('scan thumbnail, kept (JPEG page)', jpegContext, await time(jpegPages.length, thumbnail(jpegPages))),
      summarise('scan thumbnail, first asked for (PDF page)', pdfContext, await time(pdfPages.length, thumbnail(pdfPages))),
      summarise('scan thumbnail, kept (PDF page)', pdfContext, await time(pdfPages.length, thumbnail(pdfPages))),
      summarise('scan page view (2000 px), first asked for (JPEG page)', jpegContext, await time(jpegPages.length, (i) => must(core, 'scan:page-image', { pageId: jpegPages[i] ?? 0, size: 'view' }))),
      summarise('scan thumbnail, first asked for (HEIC photo with its own thumbnail)', PHOTO_CONTEXT, await time(photosWith.length, thumbnail(photosWith))),
      summarise('scan thumbnail, first asked for (HEIC photo without one)', PHOTO_CONTEXT, await time(photosWithout.length, thumbnail(photosWithout))),
    ];
    // The strip of a large PDF as the window asks for it: every page at once. Its original is decrypted once for them all (kept-originals.ts).
    options.progress(`scan images: the thumbnail strip of a ${stripIds.length}-page PDF, asked for at once …`);
    const stripContext = `${stripIds.length}-page scanned PDF, ${(strip.length / 1024 / 1024).toFixed(1)} MB, all pages asked for at once`;
    const stripStart = performance.now();
    const stripFirst = await Promise.all(
      stripIds.map(async (pageId) => {
        const asked = performance.now();
        await must(core, 'scan:page-image', { pageId, size: 'thumbnail' });
        return performance.now() - asked;
      }),
    );
    const stripMs = performance.now() - stripStart;
    figures.push(
      summarise(`scan thumbnail strip, first asked for (${stripIds.length}-page PDF)`, stripContext, stripFirst),
      summarise(`scan thumbnail strip, kept (${stripIds.length}-page PDF)`, `${stripIds.length}-page scanned PDF, one page after another`, await time(stripIds.length, thumbnail(stripIds))),
    );
    const kept = figures.filter((f) => f.name.includes('kept'));
    return {
      figures,
      notes: [
        `scan images: the scan image threads started and PDFium loaded in ${coldMs.toFixed(0)} ms (one thumbnail and one PDF page view, before the figures)`,
        `scan images: a kept thumbnail p95 ${kept.map((f) => `${f.p95.toFixed(1)} ms`).join(' / ')} (JPEG / PDF / ${stripIds.length}-page PDF) – target ≤ ${TARGET_MS} ms: ${kept.every((f) => f.p95 <= TARGET_MS) ? 'met' : 'NOT met'}`,
        `scan images: the whole thumbnail strip of the ${stripIds.length}-page PDF (${(strip.length / 1024 / 1024).toFixed(1)} MB) drawn in ${(stripMs / 1000).toFixed(2)} s when first asked for – ${(stripMs / stripIds.length).toFixed(0)} ms a page`,
      ],
    };
  } finally {
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}
