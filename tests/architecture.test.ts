import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './helpers/files';
import { repoRoot } from './helpers/paths';

/** The layer rules of ARCHITECTURE.md §2, checked on every import of every source file. */
const rules: { layer: string; forbidden: RegExp; why: string }[] = [
  { layer: 'shared', forbidden: /^(electron|node:|react|better-sqlite3|drizzle-orm)|^(\.\.\/)+(db|renderer|electron)\//, why: 'shared/ imports only itself and zod' },
  { layer: 'db', forbidden: /^electron$|^(\.\.\/)+(renderer|electron)\//, why: 'db/ never imports electron or the layers above it' },
  { layer: 'electron/core', forbidden: /^electron$|^electron\/|^(\.\.\/)+(renderer|main|preload|harness|cli)\//, why: 'electron/core runs under plain Node and knows no front door' },
  { layer: 'electron/cli', forbidden: /^electron$/, why: 'the CLI runs under plain Node' },
  { layer: 'electron/harness', forbidden: /^electron$/, why: 'the harness runs under plain Node' },
  { layer: 'renderer', forbidden: /^(electron|node:|better-sqlite3|drizzle-orm)|^(\.\.\/)+(db|electron)\//, why: 'renderer/ reaches the core only through window.api' },
];

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
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

  it('the preload imports nothing but electron and the contract', () => {
    const specs = importsOf(join(repoRoot, 'electron/preload/index.ts'));
    expect(specs.every((s) => s === 'electron' || s.startsWith('../../shared/contract'))).toBe(true);
  });

  it('the import scanner sees imports (so the rules above can fail)', () => {
    expect(importsOf(join(repoRoot, 'electron/main/security.ts'))).toContain('electron');
  });
});
