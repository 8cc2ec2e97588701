import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './helpers/files';
import { repoRoot } from './helpers/paths';

/** The layer rules of ARCHITECTURE.md §2, checked on every import of every source file. */
const rules: { layer: string; forbidden: RegExp; why: string }[] = [
  { layer: 'shared', forbidden: /^(electron|node:|react|better-sqlite3|drizzle-orm)|^(\.\.\/)+(db|renderer|electron)\//, why: 'shared/ imports only itself and zod' },
  { layer: 'runtime', forbidden: /^(?!node:|\.\/)/, why: 'runtime/ (where the program finds its own files) needs nothing but Node' },
  { layer: 'db', forbidden: /^electron$|^(\.\.\/)+(renderer|electron)\//, why: 'db/ never imports electron or the layers above it' },
  { layer: 'electron/core', forbidden: /^electron$|^electron\/|^(\.\.\/)+(renderer|main|preload|harness|cli)\//, why: 'electron/core runs under plain Node and knows no front door' },
  { layer: 'electron/core-host', forbidden: /^electron$|^(\.\.\/)+(renderer|main|preload|harness|cli)\//, why: "the core's process runs under plain Node (a utility process or a Node child) and knows no front door" },
  { layer: 'electron/cli', forbidden: /^electron$/, why: 'the CLI runs under plain Node' },
  { layer: 'electron/harness', forbidden: /^electron$/, why: 'the harness runs under plain Node' },
  { layer: 'renderer', forbidden: /^(electron|node:|better-sqlite3|drizzle-orm)|^(\.\.\/)+(db|electron)\//, why: 'renderer/ reaches the core only through window.api' },
];

function importsOf(file: string, options: { typesToo: boolean } = { typesToo: true }): string[] {
  const text = readFileSync(file, 'utf8');
  // `import type …` and `export type …` vanish when compiled: they load nothing.
  const source = options.typesToo ? text : text.replace(/^\s*(?:import|export)\s+type\s[^;]*;/gm, '');
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('layer rules', () => {
  for (const rule of rules) {
    it(rule.why, () => {
      const files = filesUnder(join(repoRoot, rule.layer)).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
      expect(files.length).toBeGreaterThan(0);
      const violations = files.flatMap((file) => importsOf(file).filter((spec) => rule.forbidden.test(spec)).map((spec) => `${relative(repoRoot, file)} → ${spec}`));
      expect(violations).toEqual([]);
    });
  }

  it('the preload loads nothing but electron, the channel names and the bindings builder – no schema, no zod', () => {
    const runtime = (path: string) => importsOf(join(repoRoot, path), { typesToo: false }).sort();
    expect(runtime('electron/preload/index.ts')).toEqual(['../../shared/contract/bindings', '../../shared/contract/channel-names', 'electron']);
    expect(runtime('shared/contract/bindings.ts')).toEqual([]);
    expect(runtime('shared/contract/channel-names.ts')).toEqual([]);
  });

  it('the import scanner sees imports (so the rules above can fail), and tells type imports apart', () => {
    expect(importsOf(join(repoRoot, 'electron/main/security.ts'))).toContain('electron');
    expect(importsOf(join(repoRoot, 'shared/contract/channel-names.ts'))).toEqual(['../errors', './index']);
    expect(importsOf(join(repoRoot, 'shared/contract/index.ts'), { typesToo: false })).toContain('./approval');
  });
});
