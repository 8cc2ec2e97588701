import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../tests/helpers/paths';
import { useTempDirs } from '../tests/helpers/temp-dir';
import { currentLayout, runtimePaths, type RuntimePaths } from './paths';

const tempDir = useTempDirs();

function everyPath(paths: RuntimePaths): string[] {
  return [paths.migrations, ...Object.values(paths.fonts), ...Object.values(paths.entries), paths.renderer, paths.preload, paths.nativeModule, paths.pdfiumWasm, paths.zxingWasm, paths.heifWasm];
}

describe('where the program finds its own files', () => {
  it('packaged: told by the code lying in app.asar or its unpacked twin; data files beside, real files unpacked', () => {
    const resources = join('/opt', 'DossierDesk', 'resources');
    for (const bundle of ['app.asar/out/main/index.js', 'app.asar.unpacked/out/main/chunks/core-Ab12.js']) {
      expect(currentLayout(pathToFileURL(join(resources, bundle)).href)).toEqual({ kind: 'packaged', resources });
    }
    expect(runtimePaths({ kind: 'packaged', resources })).toEqual({
      migrations: join(resources, 'migrations'),
      fonts: { regular: join(resources, 'fonts', 'NotoSansSC_400Regular.ttf'), bold: join(resources, 'fonts', 'NotoSansSC_700Bold.ttf'), fallback: join(resources, 'fonts', 'HanaMinB.ttf') },
      entries: {
        coreHost: join(resources, 'app.asar.unpacked', 'out', 'main', 'core-host.js'),
        importWorker: join(resources, 'app.asar.unpacked', 'out', 'main', 'import-worker.js'),
        pageCheckWorker: join(resources, 'app.asar.unpacked', 'out', 'main', 'page-check-worker.js'),
        scanImageWorker: join(resources, 'app.asar.unpacked', 'out', 'main', 'scan-image-worker.js'),
        printWorker: join(resources, 'app.asar.unpacked', 'out', 'main', 'print-worker.js'),
        sealWorker: join(resources, 'app.asar.unpacked', 'out', 'main', 'seal-worker.js'),
        backupWorker: join(resources, 'app.asar.unpacked', 'out', 'main', 'backup-worker.js'),
      },
      renderer: join(resources, 'app.asar', 'out', 'renderer'),
      preload: join(resources, 'app.asar', 'out', 'preload', 'index.cjs'),
      nativeModule: join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      pdfiumWasm: join(resources, 'pdfium', 'pdfium.wasm'),
      zxingWasm: join(resources, 'zxing', 'zxing_reader.wasm'),
      heifWasm: join(resources, 'libheif', 'libheif.wasm'),
    });
  });

  it('development: the repository, from the sources and from the build alike; every path it names exists after a build', () => {
    expect(currentLayout(import.meta.url)).toEqual({ kind: 'development', root: repoRoot.replace(/[\\/]$/, '') });
    expect(currentLayout(pathToFileURL(join(repoRoot, 'out', 'main', 'chunks', 'any.js')).href)).toEqual({ kind: 'development', root: repoRoot.replace(/[\\/]$/, '') });
    const missing = everyPath(runtimePaths({ kind: 'development', root: repoRoot })).filter((path) => !existsSync(path));
    expect(missing).toEqual([]);
  });

  it("only our own package.json marks the repository; outside it the program's files are not found", () => {
    const other = tempDir();
    writeFileSync(join(other, 'package.json'), JSON.stringify({ name: 'someone-else' }));
    mkdirSync(join(other, 'out', 'main'), { recursive: true });
    expect(() => currentLayout(pathToFileURL(join(other, 'out', 'main', 'cli.js')).href)).toThrow(/DossierDesk's own files were not found/);
  });
});
