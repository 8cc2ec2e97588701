import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budgets, measureBuild, overBudget, startSize } from './helpers/build-sizes';
import { filesUnder } from './helpers/files';
import { repoRoot } from './helpers/paths';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('size budgets of the built app (npm test builds first)', () => {
  it('the first screen loads at most 1 MB of JavaScript, the preload at most 30 kB', () => {
    const outDir = join(repoRoot, 'out');
    expect(existsSync(join(outDir, 'renderer', 'index.html')), 'build first: npm run build').toBe(true);
    const sizes = measureBuild(outDir);
    console.info(`entry ${kB(sizes.entry)}, first screen ${kB(sizes.firstScreen)} in ${sizes.firstScreenFiles.length} files, renderer ${kB(sizes.renderer)}, preload ${kB(sizes.preload)}`);
    expect(overBudget(sizes)).toEqual([]);
  });

  it('a start of the CLI or of the core’s process loads at most 4.5 MB of JavaScript: spreadsheet and PDF code loads when first used', () => {
    const mainDir = join(repoRoot, 'out', 'main');
    const sizes = ['cli.js', 'core-host.js'].map((entry) => ({ entry, bytes: startSize(mainDir, entry) }));
    console.info(sizes.map((s) => `${s.entry} starts with ${kB(s.bytes)}`).join(', '));
    for (const { entry, bytes } of sizes) expect(bytes, entry).toBeLessThanOrEqual(budgets.coreStart);
  });

  it('no renderer or preload script points to a source map (they stay beside the build, unshipped)', () => {
    const scripts = [...filesUnder(join(repoRoot, 'out', 'renderer')), ...filesUnder(join(repoRoot, 'out', 'preload'))].filter((file) => /\.c?js$/.test(file));
    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.filter((file) => readFileSync(file, 'utf8').includes('sourceMappingURL'))).toEqual([]);
  });
});

describe('the budget check itself', () => {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-budget-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A fake build: an entry importing a chunk statically and another lazily, and a preload. */
  function fakeBuild(name: string, sizes: { shared: number; lazy: number; preload: number }): string {
    const out = join(root, name);
    mkdirSync(join(out, 'renderer', 'assets'), { recursive: true });
    mkdirSync(join(out, 'preload'), { recursive: true });
    writeFileSync(join(out, 'renderer', 'index.html'), '<script type="module" crossorigin src="./assets/index-a1.js"></script>');
    writeFileSync(join(out, 'renderer', 'assets', 'index-a1.js'), 'import{t as e}from"./shared-b2.js";const n=()=>import("./lazy-c3.js");e(n);');
    writeFileSync(join(out, 'renderer', 'assets', 'shared-b2.js'), `export*from"./react-d4.js";${'x'.repeat(sizes.shared)}`);
    writeFileSync(join(out, 'renderer', 'assets', 'react-d4.js'), 'var r=1;export{r};');
    writeFileSync(join(out, 'renderer', 'assets', 'lazy-c3.js'), 'y'.repeat(sizes.lazy));
    writeFileSync(join(out, 'preload', 'index.cjs'), 'z'.repeat(sizes.preload));
    return out;
  }

  it('follows static imports only: a lazy chunk does not count for the first screen', () => {
    const sizes = measureBuild(fakeBuild('lazy-heavy', { shared: 100, lazy: 5_000_000, preload: 1000 }));
    expect(sizes.firstScreenFiles).toEqual(['assets/index-a1.js', 'assets/react-d4.js', 'assets/shared-b2.js']);
    expect(sizes.renderer).toBeGreaterThan(5_000_000);
    expect(overBudget(sizes)).toEqual([]);
  });

  it('fails when the first screen or the preload is one byte over', () => {
    const within = measureBuild(fakeBuild('at-limit', { shared: 0, lazy: 0, preload: budgets.preload }));
    const shared = budgets.firstScreen - within.firstScreen;
    expect(overBudget(measureBuild(fakeBuild('exact', { shared, lazy: 0, preload: budgets.preload })))).toEqual([]);
    const over = overBudget(measureBuild(fakeBuild('over', { shared: shared + 1, lazy: 0, preload: budgets.preload + 1 })));
    expect(over).toHaveLength(2);
    expect(over[0]).toMatch(/^first screen 1000001 B > 1000000 B/);
    expect(over[1]).toBe('preload 30001 B > 30000 B');
  });
});
