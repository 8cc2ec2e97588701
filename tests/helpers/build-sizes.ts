import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { filesUnder } from './files';

/** Limits for the built app, in bytes (issue 10: a fast first screen). */
export const budgets = {
  /** The JavaScript the first screen (first run, sign-in) loads before it can render. */
  firstScreen: 1_000_000,
  preload: 30_000,
  /**
   * The JavaScript a start of the CLI or of the core's process loads before it can answer (it is
   * compiled at every command-line call). Spreadsheets (exceljs, 1.9 MB) and PDFs made on the
   * core's thread (fontkit, 1.4 MB) load when first used; with them it was 5.2 MB.
   */
  coreStart: 4_500_000,
};

export interface BuildSizes {
  /** The entry's module script alone. */
  entry: number;
  /** The entry and every chunk it imports statically, transitively – lazy chunks excluded. */
  firstScreen: number;
  firstScreenFiles: string[];
  /** All JavaScript of the renderer, lazy chunks included. */
  renderer: number;
  preload: number;
}

// Static imports in minified or plain ES modules: `import{a}from"./x.js"`, `import"./x.js"`,
// `export*from"./x.js"`. A dynamic `import("./x.js")` has a parenthesis and does not match.
const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Sizes of a build in `outDir` (out/): the renderer's first screen, all its JavaScript, the preload. */
export function measureBuild(outDir: string): BuildSizes {
  const rendererDir = join(outDir, 'renderer');
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entrySrc = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  if (!entrySrc) throw new Error('index.html has no module script');
  const entry = posix.normalize(entrySrc);
  const size = (file: string) => statSync(file).size;
  const firstScreenFiles = staticClosure(rendererDir, entry);
  return {
    entry: size(join(rendererDir, entry)),
    firstScreen: firstScreenFiles.reduce((sum, file) => sum + size(join(rendererDir, file)), 0),
    firstScreenFiles,
    renderer: filesUnder(rendererDir).filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + size(file), 0),
    preload: size(join(outDir, 'preload', 'index.cjs')),
  };
}

/** A script and every chunk it imports statically, transitively (lazy chunks excluded), as paths relative to `dir`, sorted. */
export function staticClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) pending.push(posix.join(posix.dirname(file), match[1] ?? ''));
  }
  return [...seen].sort();
}

/** Bytes of JavaScript a start of a main-process script in `mainDir` (out/main) loads. */
export function startSize(mainDir: string, entry: string): number {
  return staticClosure(mainDir, entry).reduce((sum, file) => sum + statSync(join(mainDir, file)).size, 0);
}

/** Each budget the build exceeds, as a sentence; empty when all hold. */
export function overBudget(sizes: BuildSizes): string[] {
  const over: string[] = [];
  if (sizes.firstScreen > budgets.firstScreen) over.push(`first screen ${sizes.firstScreen} B > ${budgets.firstScreen} B (${sizes.firstScreenFiles.join(', ')})`);
  if (sizes.preload > budgets.preload) over.push(`preload ${sizes.preload} B > ${budgets.preload} B`);
  return over;
}
