import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the program's own files are at run time. Two layouts exist:
 * - development: the repository (sources under tsx, or the build in out/) with its node_modules;
 * - packaged: electron-builder's `resources` folder – the app in `app.asar`, whatever must be a real
 *   file (the native modules, the entries of processes and threads) in `app.asar.unpacked`, and the
 *   data files (migrations, fonts, the WebAssembly of PDFium, ZXing and libheif) copied beside them (`extraResources`, see
 *   electron-builder.yml).
 * Every path the program reads its own files from comes from here; `npm run package:check` proves
 * that each exists in a built package.
 */
export type RuntimeLayout = { kind: 'development'; root: string } | { kind: 'packaged'; resources: string };

export interface RuntimePaths {
  /** The database migrations (SQL files and drizzle's journal). */
  migrations: string;
  /** The CJK font for PDFs, per weight, and the second font for the characters it lacks (CJK Extension B and beyond). */
  fonts: { regular: string; bold: string; fallback: string };
  /** Built entries started as a process or a thread of their own. */
  entries: { coreHost: string; importWorker: string; pageCheckWorker: string; scanImageWorker: string; printWorker: string; sealWorker: string; backupWorker: string };
  /** The window's page (served by main from here) and its preload script. */
  renderer: string;
  preload: string;
  /**
   * SQLite with encryption, the native module loaded by its path. (The other, sharp, is found by
   * its package name from the scan image thread's entry: in a package both lie in app.asar.unpacked.)
   */
  nativeModule: string;
  /** PDFium as WebAssembly (PDF pages drawn as images), read by the scan image threads: never fetched from elsewhere. */
  pdfiumWasm: string;
  /** ZXing's reader as WebAssembly (codes on scanned cover sheets), read by the scan image threads: never fetched from elsewhere. */
  zxingWasm: string;
  /** libheif as WebAssembly (phone photos in HEIC decoded), read by the scan image threads: never fetched from elsewhere. */
  heifWasm: string;
}

const FONT_FILES = { regular: 'NotoSansSC_400Regular.ttf', bold: 'NotoSansSC_700Bold.ttf' } as const;
const FONT_FOLDERS = { regular: '400Regular', bold: '700Bold' } as const;
/** Kept in the repository (resources/fonts): no npm package carries a font with CJK Extension B. */
const FALLBACK_FONT = 'HanaMinB.ttf';
const NATIVE_MODULE = ['node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'] as const;
const PDFIUM_WASM = 'pdfium.wasm';
const ZXING_WASM = 'zxing_reader.wasm';
const HEIF_WASM = 'libheif.wasm';
const PACKAGE_NAME = 'dossierdesk';

export function runtimePaths(layout: RuntimeLayout = currentLayout()): RuntimePaths {
  if (layout.kind === 'packaged') {
    const { resources } = layout;
    const unpacked = join(resources, 'app.asar.unpacked');
    return {
      migrations: join(resources, 'migrations'),
      fonts: { regular: join(resources, 'fonts', FONT_FILES.regular), bold: join(resources, 'fonts', FONT_FILES.bold), fallback: join(resources, 'fonts', FALLBACK_FONT) },
      entries: entries(join(unpacked, 'out', 'main')),
      renderer: join(resources, 'app.asar', 'out', 'renderer'),
      preload: join(resources, 'app.asar', 'out', 'preload', 'index.cjs'),
      nativeModule: join(unpacked, ...NATIVE_MODULE),
      pdfiumWasm: join(resources, 'pdfium', PDFIUM_WASM),
      zxingWasm: join(resources, 'zxing', ZXING_WASM),
      heifWasm: join(resources, 'libheif', HEIF_WASM),
    };
  }
  const { root } = layout;
  const fonts = join(root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
  return {
    migrations: join(root, 'db', 'migrations'),
    fonts: {
      regular: join(fonts, FONT_FOLDERS.regular, FONT_FILES.regular),
      bold: join(fonts, FONT_FOLDERS.bold, FONT_FILES.bold),
      fallback: join(root, 'resources', 'fonts', FALLBACK_FONT),
    },
    entries: entries(join(root, 'out', 'main')),
    renderer: join(root, 'out', 'renderer'),
    preload: join(root, 'out', 'preload', 'index.cjs'),
    nativeModule: join(root, ...NATIVE_MODULE),
    pdfiumWasm: join(root, 'node_modules', '@hyzyla', 'pdfium', 'dist', PDFIUM_WASM),
    zxingWasm: join(root, 'node_modules', 'zxing-wasm', 'dist', 'reader', ZXING_WASM),
    heifWasm: join(root, 'node_modules', 'libheif-js', 'libheif-wasm', HEIF_WASM),
  };
}

function entries(folder: string): RuntimePaths['entries'] {
  return { coreHost: join(folder, 'core-host.js'), importWorker: join(folder, 'import-worker.js'), pageCheckWorker: join(folder, 'page-check-worker.js'), scanImageWorker: join(folder, 'scan-image-worker.js'), printWorker: join(folder, 'print-worker.js'), sealWorker: join(folder, 'seal-worker.js'), backupWorker: join(folder, 'backup-worker.js') };
}

/**
 * The layout this code runs in, told by where it lies: inside `app.asar` (or its unpacked twin) it
 * is packaged; otherwise the repository is the nearest folder up whose package.json is ours.
 */
export function currentLayout(moduleUrl: string = import.meta.url): RuntimeLayout {
  const file = fileURLToPath(moduleUrl);
  const asar = /[\\/]app\.asar(?:\.unpacked)?[\\/]/.exec(file);
  if (asar) return { kind: 'packaged', resources: file.slice(0, asar.index) };
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (isOurPackage(join(folder, 'package.json'))) return { kind: 'development', root: folder };
    if (dirname(folder) === folder) throw new Error(`DossierDesk's own files were not found above ${dirname(file)}${sep}`);
  }
}

function isOurPackage(manifest: string): boolean {
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}
