import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildCsp } from './shared/csp';

/** Puts the production CSP into the built index.html (the dev server gets its policy as a header). */
function cspMetaTag(): Plugin {
  return {
    name: 'dossierdesk-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<!-- csp -->', `<meta http-equiv="Content-Security-Policy" content="${buildCsp({ delivery: 'meta' })}" />`),
  };
}

/**
 * out/main/package.json saying the files beside it are ES modules: in a package they lie in
 * app.asar.unpacked, outside the package.json that says so for the app, and Node would otherwise
 * guess from their syntax – or follow a package.json above the folder the app is installed in.
 */
function moduleScope(): Plugin {
  return {
    name: 'dossierdesk-module-scope',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "module" }\n' });
    },
  };
}

// Everything is bundled (one file loads far faster than hundreds of ESM modules, which matters for a
// CLI started once per command); of the `dependencies`, only the fonts stay outside, as files, and
// sharp: a native module with libvips beside it, which it finds from its own package (it is loaded
// by the scan image thread alone, from app.asar.unpacked in a package).
export default defineConfig({
  main: {
    plugins: [moduleScope()],
    build: {
      // better-sqlite3's JavaScript is bundled too: at run time only its native module is read, from
      // where runtime/paths.ts says (a real file even in a package), so nothing is looked up in
      // node_modules – which in a package lies inside app.asar, out of reach of worker threads.
      // So is the holiday data of chinese-days (a JSON file the working-day calendar imports), and
      // PDFium's JavaScript (its WebAssembly is read from where runtime/paths.ts says, never fetched).
      // The same for ZXing's reader (its WebAssembly likewise), and chokidar (the scan inbox's watch).
      // And libheif's JavaScript (libheif-js: HEIC photos; its WebAssembly, too, from runtime/paths.ts).
      externalizeDeps: { exclude: ['better-sqlite3', 'chinese-days', '@hyzyla/pdfium', 'zxing-wasm', 'chokidar', 'libheif-js'] },
      rolldownOptions: {
        // The Electron main process, the two front doors that run under plain Node, and the workers.
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/index.ts'),
          harness: resolve('electron/harness/index.ts'),
          // The core's own process (an Electron utility process; a Node child under the harness).
          'core-host': resolve('electron/core-host/index.ts'),
          // The import's second thread (found beside these by import-worker-host).
          'import-worker': resolve('electron/core/services/import/import-worker.ts'),
          // The page check after a sign-in in the window (found beside these by integrity/page-check).
          'page-check-worker': resolve('electron/core/integrity/page-check-worker.ts'),
          // The threads that draw scan pages as images (found beside these by attachments/scan-image-pool).
          'scan-image-worker': resolve('electron/core/attachments/scan-image-worker.ts'),
          // The thread that lays out label sheets and cover sheets (found beside these by pdf/print-pool).
          'print-worker': resolve('electron/core/pdf/print-worker.ts'),
          // The backup thread: takes, checks and restores backups beside the core.
          'backup-worker': resolve('electron/core/backup/backup-worker.ts'),
          // The threads that open, check and seal scans being filed (found beside these by attachments/seal-pool).
          'seal-worker': resolve('electron/core/attachments/seal-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but electron: bundle everything into one CommonJS file.
      externalizeDeps: false,
      minify: true,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      // Maps are written beside the build to read a stack trace a user sends, but no script points
      // to them and electron-builder.yml leaves them out of the app.
      sourcemap: 'hidden',
      // Per chunk, vite warns from 500 kB; what matters is the first screen as a whole, which
      // tests/build-budgets.test.ts holds to 1 MB.
      chunkSizeWarningLimit: 1000,
      rolldownOptions: {
        input: resolve('renderer/index.html'),
        output: {
          // Screens load lazily (React.lazy); rolldown gives each its chunk and puts what several
          // share into common chunks. Named groups, taken in this order: React; zod together with
          // the switch that keeps it from probing for eval, so that the switch runs right after zod
          // itself, before anything builds a schema, whichever screen loads zod first; and the
          // parts of antd and of other packages that the first screen needs ($initial – lazy
          // screens bring the rest).
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
              { name: 'zod', test: /node_modules[\\/]zod[\\/]|renderer[\\/]src[\\/]zod-jitless\.ts$/ },
              { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component)[\\/]/, tags: ['$initial'] },
              { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'] },
            ],
          },
        },
      },
    },
  },
});
