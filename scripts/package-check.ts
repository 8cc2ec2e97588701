/**
 * `npm run package:check` – builds the app as electron-builder packages it (`--dir`, Linux) against a
 * stand-in Electron distribution (no download: the binary cannot be fetched here, see TOOLCHAIN.md),
 * then proves the layout: every path runtime/paths.ts can return exists in the package, SQLite's
 * native module is a real file, no build sources of native modules ship, and the packaged program
 * runs – the core's process, its import thread, the PDF fonts and the migrations, the scan image
 * thread with sharp, PDFium and libheif – under Node, from the package alone. Prints the package's size.
 * Needs a build (`npm run build`) first.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { listPackage } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { runtimePaths, type RuntimePaths } from '../runtime/paths';
import { CoreClient } from '../electron/core-host/client';
import { forkCoreHost } from '../electron/core-host/node-child';
import type { PageImageJob, PageImageReply, ScanImageWorkerData } from '../electron/core/attachments/scan-image-protocol';
import { heicPhoto } from '../tests/helpers/heic-files';
import { samplePdf, samplePng } from '../tests/helpers/scan-files';

const repoRoot = join(import.meta.dirname, '..');
const problems: string[] = [];
const work = mkdtempSync(join(tmpdir(), 'dossierdesk-package-'));

try {
  if (!existsSync(join(repoRoot, 'out', 'main', 'core-host.js'))) throw new Error('no build in out/: run `npm run build` first');
  const resources = await packageApp();
  const paths = runtimePaths({ kind: 'packaged', resources });
  const inAsar = new Set(listPackage(join(resources, 'app.asar'), { isPack: false }).map((entry) => entry.split(sep).join('/')));
  checkPaths(resources, paths, inAsar);
  checkNoBuildSources(resources, inAsar);
  checkMigrations(paths);
  await runPackaged(resources, paths);
  await drawPackaged(paths);
  console.log(`package size / 安装包大小: ${megabytes(sizeOf(resources))} MB (resources/), app.asar ${megabytes(statSync(join(resources, 'app.asar')).size)} MB`);
} catch (error) {
  problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`package:check found ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.log('package:check: the package holds every file the program reads, and runs from it');
}

/** electron-builder's unpacked Linux app, against a stand-in Electron: the folder `resources`. */
async function packageApp(): Promise<string> {
  const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const dist = join(work, 'electron-dist');
  const output = join(work, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "stand-in Electron: it cannot run" >&2\nexit 1\n', { mode: 0o755 });
  writeFileSync(join(dist, 'version'), electronVersion);
  writeFileSync(join(dist, 'LICENSE'), 'stand-in');
  // Fuses are written into the Electron binary, which a stand-in is not; their settings are in electron-builder.yml.
  await build({
    projectDir: repoRoot,
    targets: Platform.LINUX.createTarget('dir'),
    config: { electronDist: dist, electronVersion, npmRebuild: false, electronFuses: null, directories: { output } },
  });
  return join(output, 'linux-unpacked', 'resources');
}

function checkPaths(resources: string, paths: RuntimePaths, inAsar: Set<string>): void {
  const asar = join(resources, 'app.asar');
  const all = { migrations: paths.migrations, ...paths.fonts, ...paths.entries, renderer: paths.renderer, preload: paths.preload, nativeModule: paths.nativeModule, pdfiumWasm: paths.pdfiumWasm, zxingWasm: paths.zxingWasm, heifWasm: paths.heifWasm };
  for (const [name, path] of Object.entries(all)) {
    const found = path.startsWith(`${asar}${sep}`) ? inAsar.has(`/${relative(asar, path).split(sep).join('/')}`) : existsSync(path);
    if (!found) problems.push(`${name}: ${relative(resources, path)} is not in the package`);
  }
  if (!existsSync(paths.nativeModule)) problems.push('better_sqlite3.node is not unpacked (a native module must be a real file)');
  const scope = join(dirname(paths.entries.coreHost), 'package.json');
  if (!existsSync(scope) || (JSON.parse(readFileSync(scope, 'utf8')) as { type?: string }).type !== 'module') problems.push('out/main/package.json does not say the unpacked entries are ES modules');
}

/** What native modules are built from, and what only development uses, never ships. */
function checkNoBuildSources(resources: string, inAsar: Set<string>): void {
  const unpacked = filesUnder(join(resources, 'app.asar.unpacked')).map((file) => `/${relative(join(resources, 'app.asar.unpacked'), file).split(sep).join('/')}`);
  const forbidden = [
    /^\/node_modules\/.*\/(src|deps|obj|obj\.target)\//,
    /\.(c|cc|cpp|h|hpp|gyp|gypi|a|o|mk|map)$/,
    /^\/out\/main\/harness\.js$/,
    /test_extension\.node$/,
  ];
  for (const entry of new Set([...inAsar, ...unpacked])) {
    if (forbidden.some((pattern) => pattern.test(entry))) problems.push(`ships what it should not: ${entry}`);
  }
}

function checkMigrations(paths: RuntimePaths): void {
  const source = join(repoRoot, 'db', 'migrations');
  for (const file of filesUnder(source)) {
    if (!existsSync(join(paths.migrations, relative(source, file)))) problems.push(`migration missing from the package: ${relative(source, file)}`);
  }
}

/**
 * The native module in a package made here is built for Node, not Electron (no headers can be
 * fetched), so Node runs the packaged code: the core's process from app.asar.unpacked, and the CLI.
 * Each finds its files from where it lies – proving the packaged layout, not the repository's.
 */
async function runPackaged(resources: string, paths: RuntimePaths): Promise<void> {
  const dataDir = join(work, 'archive');
  const admin = { login: 'admin', displayName: '系统管理员', password: 'package-check-1' };
  const log: string[] = [];
  const core = new CoreClient(() => forkCoreHost(paths.entries.coreHost), { dataDir, migrationsDir: paths.migrations, appVersion: 'package-check', idleCheckIntervalMs: 0 }, (line) => log.push(line));
  const created = await core.invoke('archive:create', { admin }, 'ui');
  if (!created.ok) problems.push(`the packaged core could not create an archive: ${created.error.messageEn} ${log.join(' ')}`);
  await core.shutdown();

  const cli = join(resources, 'app.asar.unpacked', 'out', 'main', 'cli.js');
  const env = { PATH: process.env.PATH ?? '', DOSSIERDESK_DATA_DIR: dataDir, DOSSIERDESK_USER: admin.login, DOSSIERDESK_PASSWORD: admin.password };
  const run = async (args: string[]) => {
    try {
      return (await promisify(execFile)(process.execPath, [cli, ...args], { env, cwd: work })).stdout;
    } catch (error) {
      problems.push(`the packaged CLI failed: dossierdesk ${args.join(' ')}: ${(error as { stderr?: string }).stderr ?? String(error)}`);
      return '';
    }
  };
  const sheet = join(work, '新车.csv');
  writeFileSync(sheet, '客户名称,联系电话,车架号（VIN）,车牌号,交车日期\n王𪚥,13800138000,LSVAU2180N2183294,沪A12345,2026-11-02\n');
  // The import reads the sheet in its own thread (import-worker.js); the PDF needs the fonts – the
  // second one too: 𪚥 (CJK Extension B) in the customer's name is beyond Noto Sans SC.
  const imported = /XC-[0-9A-Z-]+/.exec(await run(['import', sheet, '--type', 'vehicle-new']))?.[0];
  if (!imported) problems.push('the packaged import did not import the row');
  // Labels are laid out on the print thread (print-worker.js), which needs the fonts too.
  const labels = join(work, 'labels.pdf');
  if (imported) await run(['label', 'print', imported, '--out', labels]);
  if (!existsSync(labels) || !readFileSync(labels).subarray(0, 5).equals(Buffer.from('%PDF-'))) problems.push('the packaged CLI printed no labels');
  const pdf = join(work, 'list.pdf');
  await run(['dossier', 'export-list', '--format', 'pdf', '--out', pdf]);
  if (!existsSync(pdf) || !readFileSync(pdf).subarray(0, 5).equals(Buffer.from('%PDF-'))) problems.push('the packaged CLI wrote no PDF');
  // exceljs (registers as .xlsx, .xlsx imports) is loaded only when needed: its chunk must be in the package too.
  const register = join(work, 'intake.xlsx');
  await run(['register', 'export', '--kind', 'intake', '--from', '2026-01-01', '--to', '2026-12-31', '--out', register]);
  if (!existsSync(register) || !readFileSync(register).subarray(0, 2).equals(Buffer.from('PK'))) problems.push('the packaged CLI wrote no register as .xlsx');
  await run(['verify']);
}

/**
 * The packaged scan image thread, started as the core starts it: it must find sharp (and libvips)
 * from app.asar.unpacked and read PDFium's and libheif's WebAssembly from the resources – a PNG, a
 * PDF page and a HEIC photo each come back as a JPEG. Outside the repository, nothing can come from
 * its node_modules.
 */
async function drawPackaged(paths: RuntimePaths): Promise<void> {
  const worker = new Worker(paths.entries.scanImageWorker, { workerData: { pdfiumWasm: paths.pdfiumWasm, zxingWasm: paths.zxingWasm } satisfies ScanImageWorkerData });
  try {
    const pages: Omit<PageImageJob, 'id'>[] = [
      { bytes: samplePng({ width: 480, height: 320 }), mediaType: 'image/png', page: 0, longSide: 240 },
      { bytes: await samplePdf(2), mediaType: 'application/pdf', page: 1, longSide: 240 },
      // A phone photo: libheif's JavaScript bundled into the thread, its WebAssembly read from the resources.
      { bytes: heicPhoto(), mediaType: 'image/heic', page: 0, longSide: 240 },
    ];
    for (const [id, page] of pages.entries()) {
      const reply = await new Promise<PageImageReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ ...page, id } satisfies PageImageJob, [page.bytes.buffer as ArrayBuffer]);
      });
      if (!reply.ok) problems.push(`the packaged scan image thread could not draw a ${page.mediaType} page: ${reply.reason}`);
      else if (reply.jpeg[0] !== 0xff || reply.jpeg[1] !== 0xd8 || Math.max(reply.width, reply.height) > 240 || Math.max(reply.width, reply.height) < 230) problems.push(`the packaged scan image thread drew a ${page.mediaType} page wrongly (${reply.width}×${reply.height})`);
    }
  } catch (error) {
    problems.push(`the packaged scan image thread failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await worker.terminate();
  }
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function sizeOf(folder: string): number {
  return filesUnder(folder).reduce((total, file) => total + statSync(file).size, 0);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
