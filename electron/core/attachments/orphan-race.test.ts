import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { newArchive, ok } from '../../../tests/helpers/core';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type * as FileStore from './file-store';

/** The store as listed a while ago: every file looked an hour and more old then. */
vi.mock('./file-store', async (importOriginal) => {
  const real = await importOriginal<typeof FileStore>();
  return { ...real, listStoredFiles: (root: string) => real.listStoredFiles(root).map((entry) => ({ ...entry, modifiedAt: 0 })) };
});

const tempDir = useTempDirs();

describe('collecting files no record refers to', () => {
  it('looks at a file again just before removing it: one taken up (touched) since the listing stays', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const root = join(dir, 'scans', 'ab');
    mkdirSync(root, { recursive: true });
    // Written just now: another program's filing that reused it, about to record it.
    const reused = join(root, 'c'.repeat(62));
    writeFileSync(reused, 'sealed bytes');
    const check = (await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'scans');
    expect(check?.message).not.toContain('已清理');
    expect(existsSync(reused)).toBe(true);
    await core.close();
  });
});
