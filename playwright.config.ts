import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/helpers/chromium';

/**
 * Browser end-to-end tests run the built renderer through the harness bridge against the real
 * core and a real encrypted archive, in Debian's Chromium (never a downloaded browser).
 */
export default defineConfig({
  outputDir: 'test-results/playwright',
  reporter: [['list']],
  // Generous for a 2-core CI machine running two browsers, two harnesses and key derivations at once:
  // there the longest scenarios (the catalogue's, 1.2 min alone) took up to 3.1 min, every step slowed alike.
  timeout: 360_000,
  expect: { timeout: 20_000 },
  workers: 2,
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        locale: 'zh-CN',
        // As a clerk who turned animations off: the app honours it (App.tsx), and every click no
        // longer waits for a dialog or menu to finish moving. dialogs.spec.ts keeps the motion on.
        reducedMotion: 'reduce',
        trace: 'retain-on-failure',
        launchOptions: {
          executablePath: chromiumPath,
          args: chromiumArgs,
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
