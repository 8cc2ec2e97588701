import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, newArchive } from '../../tests/helpers/core';
import { filesContaining, filesUnder } from '../../tests/helpers/files';
import { migrationsDir } from '../../tests/helpers/paths';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { CliSession } from './cli-session';
import { stageFileFromPath } from './stage-file';

const tempDir = useTempDirs();

/** A signed-in CLI session on a new archive, as a command has it. */
async function signedIn(): Promise<{ session: CliSession; dataDir: string }> {
  const dataDir = tempDir();
  await (await newArchive(dataDir)).close();
  const env = { DOSSIERDESK_DATA_DIR: dataDir, DOSSIERDESK_USER: ADMIN.login, DOSSIERDESK_PASSWORD: ADMIN.password };
  const io = { out: () => undefined, err: () => undefined, readStdinLines: () => Promise.resolve([]), env };
  const session = new CliSession({ io, migrationsDir, appVersion: '0.0.0-test' }, {});
  await session.signIn();
  return { session, dataDir };
}

describe('staging a file from the command line', () => {
  it('stages a file named relative to the working folder, in chunks; the data folder holds only ciphertext until the command ends', async () => {
    const { session, dataDir } = await signedIn();
    const needle = `客户清单-${randomBytes(4).toString('hex')}`;
    const bytes = Buffer.concat([Buffer.from(`${needle}\n`.repeat(50_000)), randomBytes(1_500_000)]);
    const file = join(tempDir(), '客户清单.csv');
    writeFileSync(file, bytes);

    const staged = await stageFileFromPath(session, relative(process.cwd(), file), 'import');
    expect(staged).toMatchObject({ name: '客户清单.csv', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(filesUnder(join(dataDir, 'staging'))).toHaveLength(1);
    expect(filesContaining(dataDir, needle)).toEqual([]);

    await session.close();
    expect(filesUnder(join(dataDir, 'staging'))).toEqual([]);
  });

  it('refuses a missing file, a folder, and a file over the limit (without reading it)', async () => {
    const { session, dataDir } = await signedIn();
    const dir = tempDir();
    const missing = join(dir, 'nowhere.csv');
    await expect(stageFileFromPath(session, missing, 'import')).rejects.toMatchObject({ code: 'NOT_FOUND', messageEn: `There is no file ${missing}` });
    mkdirSync(join(dir, 'folder.csv'));
    await expect(stageFileFromPath(session, join(dir, 'folder.csv'), 'import')).rejects.toMatchObject({ code: 'VALIDATION' });
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 513 * 1024 * 1024); // sparse: nothing to read, only a size
    await expect(stageFileFromPath(session, huge, 'import')).rejects.toMatchObject({ code: 'VALIDATION', messageEn: 'Sheet to import: at most 512 MB per file' });
    expect(existsSync(join(dataDir, 'staging'))).toBe(false);
    await session.close();
  });
});
