import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { summarise, type Figure } from './stats';
import { createCore, type Core } from '../../core/core';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { stageLocalFile } from '../../core/staging/stage-local-file';

export interface ScanFilingBenchOptions {
  migrationsDir: string;
  appVersion: string;
  /** Scanned A4 pages (JPEG, about 300 KB each) filed, then exported as one PDF (at most 200 of them). */
  pages: number;
  progress: (text: string) => void;
}

const ADMIN = { login: 'bench-admin', displayName: '基准测试管理员', password: 'bench-password-1' };
/** Targets of the scans issue; figures are printed against them, never asserted. */
const TARGET = { megabytesPerSecond: 100, exportSeconds: 3, listDuringExportMs: 100 };
const BATCH = 200;

async function must<C extends Channel>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.invoke(channel, input, 'cli');
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.messageEn}`);
  return result.data as OutputOf<C>;
}

/** A scanned A4 page at 150 dpi, grey with noise (it compresses like paper with text), about 300 KB as JPEG. */
export async function scannedPage(): Promise<Buffer> {
  const [width, height] = [1240, 1754];
  const pixels = Buffer.alloc(width * height);
  let seed = 20261130;
  for (let i = 0; i < pixels.length; i += 1) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    pixels[i] = 200 + (seed >>> 27);
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } }).jpeg({ quality: 70 }).toBuffer();
}

/** The same page as another file: a comment segment after the start marker makes each one unique (no two are stored as one). */
export function variant(page: Buffer, i: number): Uint8Array {
  const text = Buffer.from(`page ${i}`, 'ascii');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(2 + text.length, 2);
  text.copy(segment, 4);
  return new Uint8Array(Buffer.concat([page.subarray(0, 2), segment, page.subarray(2)]));
}

/**
 * What this machine gives without the archive's work, measured in the same run as the filing (the
 * disk of a shared machine changes from minute to minute): the same files each written to a new
 * file in a prefix folder, fsynced and renamed, as many at a time as the core has seal threads.
 * `plain` reads, hashes and encrypts nothing; `minimal` is the reference path – each file
 * read from the scanner's folder, named by an HMAC-SHA-256 of its bytes and sealed with
 * AES-256-GCM under a nonce of its own on this one thread, then written so – with nothing checked,
 * staged or recorded. Milliseconds, the removal of what was written left out.
 */
async function writeOnly(paths: readonly string[], into: string, mode: 'plain' | 'minimal'): Promise<number> {
  const atOnce = Math.min(4, availableParallelism() + 1);
  const [nameKey, contentKey] = [randomBytes(32), randomBytes(32)];
  const began = performance.now();
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      const plaintext = await readFile(paths[i] as string);
      let bytes: Uint8Array[] = [plaintext];
      let name = `page-${String(i).padStart(4, '0')}`;
      if (mode === 'minimal') {
        name = createHmac('sha256', nameKey).update(plaintext).digest('hex');
        const nonce = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', contentKey, nonce);
        bytes = [nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()];
      }
      const path = join(into, name.slice(-2), name);
      await mkdir(join(path, '..'), { recursive: true });
      const handle = await open(`${path}.tmp`, 'wx', 0o600);
      await handle.writev(bytes);
      await handle.sync();
      await handle.close();
      await rename(`${path}.tmp`, path);
    }
  };
  await Promise.all(Array.from({ length: atOnce }, writer));
  const took = performance.now() - began;
  rmSync(into, { recursive: true, force: true });
  return took;
}

/**
 * `dossierdesk bench` (and so `npm run bench`) – scans through the real core, as built: `pages` scanned JPEGs, lying in a folder as a
 * scanner leaves them, staged from there as the CLI and the desktop stage a file (read in chunks
 * through the staging channels; each scan is sealed ahead on the seal threads as soon as it is
 * staged) and filed in batches of 200. The throughput of the whole path (read, hash, check,
 * encrypt, write, fsync, rename, record) and of the filing alone, beside the same files written
 * without the archive's work (writeOnly); then the dossier exported as one PDF with up to 200 of
 * them, while `dossier:list` is called every 20 ms beside it.
 */
export async function runScanFilingBench(options: ScanFilingBenchOptions): Promise<{ figures: Figure[]; notes: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-scan-bench-'));
  const core = createCore({ dataDir: join(root, 'archive'), migrationsDir: options.migrationsDir, appVersion: options.appVersion, idleCheckIntervalMs: 0, log: () => undefined });
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    await must(core, 'archive:create', { admin: ADMIN });
    const page = await scannedPage();
    const { archiveNumber } = await must(core, 'dossier:create', { title: '扫描基准档案' });
    const scanner = join(root, 'scanner');
    mkdirSync(scanner);
    const pageFile = (i: number) => join(scanner, `IMG_${String(i).padStart(4, '0')}.jpg`);
    for (let i = 0; i < options.pages; i += 1) writeFileSync(pageFile(i), variant(page, i));
    options.progress(`scans: filing ${options.pages} scanned pages of ${(page.length / 1024).toFixed(0)} KB …`);
    let bytes = 0;
    let staging = 0;
    let filing = 0;
    let cpu = 0;
    const perBatch: number[] = [];
    const wholeBatch: number[] = [];
    for (let start = 0; start < options.pages; start += BATCH) {
      const ids: string[] = [];
      const stagedAt = performance.now();
      const cpuBefore = process.cpuUsage();
      for (let i = start; i < Math.min(options.pages, start + BATCH); i += 1) {
        const staged = await stageLocalFile(pageFile(i), 'scan', (channel, input) => must(core, channel, input));
        bytes += staged.size;
        ids.push(staged.stagedFileId);
      }
      const filedAt = performance.now();
      await must(core, 'scan:add', { archiveNumber, stagedFileIds: ids });
      const done = performance.now();
      const used = process.cpuUsage(cpuBefore);
      cpu += (used.user + used.system) / 1000;
      staging += filedAt - stagedAt;
      filing += done - filedAt;
      perBatch.push(done - filedAt);
      wholeBatch.push(done - stagedAt);
    }
    const megabytes = bytes / 1024 / 1024;
    options.progress(`scans: the same ${options.pages} files written without the archive's work, for comparison …`);
    const pagePaths = Array.from({ length: options.pages }, (_, i) => pageFile(i));
    const plainMs = await writeOnly(pagePaths, join(root, 'plain'), 'plain');
    const minimalMs = await writeOnly(pagePaths, join(root, 'minimal'), 'minimal');
    figures.push(summarise('scan filing (scan:add after staging, per batch of 200)', `${options.pages} JPEG pages`, perBatch));
    const rate = (share: number, ms: number) => `${((megabytes * share) / (ms / 1000)).toFixed(0)} MB/s`;
    notes.push(
      `scans: ${options.pages} pages, ${megabytes.toFixed(0)} MB – the whole path (staged from the files, checked, encrypted, written, fsynced, put in place, recorded) ${rate(1, staging + filing)} (target ≥ ${TARGET.megabytesPerSecond}), ` +
        `beside, in the same run, the same files read, hashed, encrypted, written, fsynced and put in place on one thread with nothing else ${rate(1, minimalMs)} and only written, fsynced and put in place ${rate(1, plainMs)}; staging ${rate(1, staging)}, the filing after it ${rate(1, filing)}; ` +
        // Every thread of the process (the core's, the seal threads, libuv's reading, writing and fsyncing): what a busier machine has less of.
        `processor time ${(cpu / options.pages).toFixed(2)} ms a page; machine load ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} processors`,
    );
    if (wholeBatch.length > 1) {
      // The first batch starts the seal threads (the built program's: each answers in about 0.1 s).
      const later = wholeBatch.slice(1);
      notes.push(
        `scans: the first batch of ${BATCH} took ${wholeBatch[0]?.toFixed(0) ?? '?'} ms through the whole path (the seal threads starting); the ${later.length} after it ${rate((options.pages - BATCH) / options.pages, later.reduce((sum, ms) => sum + ms, 0))}`,
      );
    }

    const exported = Math.min(options.pages, 200);
    const documentIds = (await must(core, 'scan:list', { archiveNumber })).documents.slice(0, exported).map((d) => d.documentId);
    options.progress(`scans: exporting the dossier with ${exported} scanned pages while the list is asked for …`);
    const beside: number[] = [];
    let running = true;
    const lister = (async () => {
      while (running) {
        const asked = performance.now();
        await must(core, 'dossier:list', { limit: 50 });
        beside.push(performance.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const exportSeconds = async () => {
      const began = performance.now();
      const file = await must(core, 'dossier:export', { archiveNumber, documentIds });
      return { seconds: (performance.now() - began) / 1000, megabytes: file.bytes.length / 1024 / 1024 };
    };
    // The first starts the print thread; the second finds it running, as the next export within a minute does.
    const first = await exportSeconds();
    const again = await exportSeconds();
    running = false;
    await lister;
    figures.push(summarise('dossier:list during a dossier export', `${exported} scanned pages`, beside));
    notes.push(
      `scans: dossier export of ${exported} scanned pages ${first.seconds.toFixed(2)} s, again ${again.seconds.toFixed(2)} s (target ≤ ${TARGET.exportSeconds} s), ${first.megabytes.toFixed(1)} MB; ` +
        `a list call beside them p95 ${summarise('', '', beside).p95.toFixed(0)} ms (target ≤ ${TARGET.listDuringExportMs} ms)`,
    );
    return { figures, notes };
  } finally {
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}
