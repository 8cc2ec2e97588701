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

// Only `dependencies` stay external (the native SQLite module, the font files); everything else is
// bundled: one file loads far faster than hundreds of ESM modules, which matters for a CLI started
// once per command.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The Electron main process, the two front doors that run under plain Node, and a worker.
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/index.ts'),
          harness: resolve('electron/harness/index.ts'),
          // The import's second thread (found beside these by import-worker-host).
          'import-worker': resolve('electron/core/services/import/import-worker.ts'),
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
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
