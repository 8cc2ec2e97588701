import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGING_CHUNK_BYTES } from '../../shared/contract';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, newArchive, ok, testCore } from '../../tests/helpers/core';
import { encodings, filesContaining, filesUnder } from '../../tests/helpers/files';
import { useTempDirs } from '../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('no plaintext in the data folder', () => {
  it('the scan finds a plain needle in each encoding (so the test below can fail)', () => {
    const dir = tempDir();
    const needle = `明文${randomUUID().slice(0, 6)}`;
    encodings(needle).forEach((bytes, i) => writeFileSync(join(dir, `plain-${i}.bin`), Buffer.concat([Buffer.from('xx'), bytes, Buffer.from('yy')])));
    expect(filesContaining(dir, needle)).toHaveLength(3);
  });

  it('finds no dossier title, user name or display name in any file, in UTF-8 or UTF-16, open or closed', async () => {
    const dir = tempDir();
    const marker = randomUUID().slice(0, 8);
    const title = `绝密测试题名${marker}`;
    const asciiTitle = `secret-title-${marker}`;
    const displayName = `保密姓名${marker}`;
    const core = await newArchive(dir);
    await addUser(core, { login: `user${marker}`, displayName, roles: ['clerk'] });
    for (let i = 0; i < 50; i += 1) await ok(core, 'dossier:create', { title: `${title} ${asciiTitle} ${i}` });

    // While the archive is open, the write-ahead log holds the latest pages.
    expect(filesUnder(dir).some((f) => f.endsWith('-wal'))).toBe(true);
    // A file on its way in (staged for an import), larger than a chunk, is in the data folder too.
    const sheet = Buffer.from(`客户名称,案卷题名\n${Array.from({ length: 20_000 }, (_, i) => `${displayName},${title} ${asciiTitle} ${i}`).join('\n')}`, 'utf8');
    expect(sheet.length).toBeGreaterThan(STAGING_CHUNK_BYTES);
    const { stagedFileId } = await ok(core, 'staging:begin', { purpose: 'import', name: `${title}.csv`, size: sheet.length });
    for (let offset = 0; offset < sheet.length; offset += STAGING_CHUNK_BYTES) {
      await ok(core, 'staging:append', { stagedFileId, offset, bytes: sheet.subarray(offset, offset + STAGING_CHUNK_BYTES) });
    }
    await ok(core, 'staging:finish', { stagedFileId });
    expect(filesUnder(join(dir, 'staging'))).toHaveLength(1);
    for (const needle of [title, asciiTitle, displayName, `user${marker}`, ADMIN.displayName]) {
      expect(filesContaining(dir, needle), needle).toEqual([]);
      expect(filesUnder(dir).filter((f) => f.includes(needle)), needle).toEqual([]);
    }

    await ok(core, 'session:lock', {});
    await core.close();
    const reopened = testCore(dir);
    await ok(reopened, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await ok(reopened, 'dossier:list', { query: marker })).total).toBe(50);
    await reopened.close();
    for (const needle of [title, asciiTitle, displayName, `user${marker}`]) {
      expect(filesContaining(dir, needle), needle).toEqual([]);
    }
  });
});
