import { createHash, randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGING_CHUNK_BYTES } from '../../../shared/contract';
import { addUser, ADMIN, call, newArchive, ok, switchTo } from '../../../tests/helpers/core';
import { filesUnder } from '../../../tests/helpers/files';
import { sessionProbe } from '../../../tests/helpers/session-probe';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { Core } from '../core';
import { readStagedFile } from './staged-file-reader';

const tempDir = useTempDirs();

/** Stages `bytes` through the channels, as every front door does. */
async function stageThroughCore(core: Core, bytes: Buffer, purpose: 'import' | 'scan' = 'import') {
  const { stagedFileId } = await ok(core, 'staging:begin', { purpose, name: 'list.csv', size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += STAGING_CHUNK_BYTES) {
    await ok(core, 'staging:append', { stagedFileId, offset, bytes: new Uint8Array(bytes.subarray(offset, offset + STAGING_CHUNK_BYTES)) });
  }
  return ok(core, 'staging:finish', { stagedFileId });
}

/** A finished and an unfinished staged file on disk (larger than a chunk), and a scanned page held in memory. */
async function stageThree(core: Core): Promise<string> {
  await stageThroughCore(core, randomBytes(STAGING_CHUNK_BYTES + 3000));
  const { stagedFileId } = await ok(core, 'staging:begin', { purpose: 'import', name: 'half.csv', size: STAGING_CHUNK_BYTES + 100 });
  await ok(core, 'staging:append', { stagedFileId, offset: 0, bytes: randomBytes(40) });
  return (await stageThroughCore(core, randomBytes(300_000), 'scan')).stagedFileId;
}

describe('staging through the core', () => {
  it('stages a file of a signed-in session in 1 MiB chunks; the session reads back the same bytes', async () => {
    const probe = sessionProbe();
    const core = await newArchive(tempDir(), { handlers: probe.handlers });
    const bytes = randomBytes(2 * STAGING_CHUNK_BYTES + 999);
    const staged = await stageThroughCore(core, bytes);
    expect(staged).toMatchObject({ name: 'list.csv', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });

    const file = (await probe.session(core)).stagedFiles.get(staged.stagedFileId, 'import');
    const parts: Buffer[] = [];
    for await (const part of readStagedFile(file.source)) parts.push(part);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);

    expect(await ok(core, 'staging:discard', { stagedFileId: staged.stagedFileId })).toEqual({ discarded: true });
    expect(await call(core, 'staging:finish', { stagedFileId: staged.stagedFileId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });

  it('refuses a chunk larger than 1 MiB, and anyone not signed in', async () => {
    const core = await newArchive(tempDir());
    const { stagedFileId } = await ok(core, 'staging:begin', { purpose: 'import', name: 'big.csv', size: 3 * STAGING_CHUNK_BYTES });
    const tooBig = await call(core, 'staging:append', { stagedFileId, offset: 0, bytes: new Uint8Array(STAGING_CHUNK_BYTES + 1) });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageEn: expect.stringContaining('at most 1 MB') as string } });
    expect(await ok(core, 'staging:append', { stagedFileId, offset: 0, bytes: new Uint8Array(STAGING_CHUNK_BYTES) })).toEqual({ received: STAGING_CHUNK_BYTES });
    expect(await call(core, 'staging:begin', { purpose: 'import', name: 'huge.csv', size: 513 * 1024 * 1024 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '导入表格不能超过 512 MB', messageEn: 'Sheet to import: at most 512 MB per file' },
    });
    await ok(core, 'session:lock', {});
    expect(await call(core, 'staging:begin', { purpose: 'import', name: 'a.csv', size: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await core.close();
  });

  it('lets a user stage only for what the user may do, and records a refusal', async () => {
    const core = await newArchive(tempDir());
    await addUser(core, { login: 'scanner1', roles: ['scanner'] });
    await switchTo(core, 'scanner1');
    expect(await call(core, 'staging:begin', { purpose: 'import', name: 'a.csv', size: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'staging:begin', { purpose: 'restore', name: 'backup', size: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await stageThroughCore(core, Buffer.from('%PDF-1.7'), 'scan');
    await switchTo(core, ADMIN.login, ADMIN.password);
    const denied = await ok(core, 'audit:list', { action: 'access:denied' });
    expect(denied.items.map((e) => e.summary)).toEqual([
      { channel: 'staging:begin', purpose: 'restore' },
      { channel: 'staging:begin', purpose: 'import' },
    ]);
    await core.close();
  });

  const endings: [string, (core: Core, later: () => void) => Promise<unknown>][] = [
    ['lock', (core) => ok(core, 'session:lock', {})],
    [
      'idle lock',
      (core, later) => {
        later();
        return call(core, 'dossier:list', {});
      },
    ],
    ['shutdown', (core) => core.shutdown()],
    ['the end of a command (CLI)', (core) => core.close()],
  ];
  for (const [ending, end] of endings) {
    it(`wipes the session's staged files from disk at ${ending}`, async () => {
      const dir = tempDir();
      let now = Date.now();
      const probe = sessionProbe();
      const core = await newArchive(dir, { now: () => new Date(now), handlers: probe.handlers });
      const page = await stageThree(core);
      const { source } = (await probe.session(core)).stagedFiles.get(page, 'scan');
      expect(filesUnder(join(dir, 'staging'))).toHaveLength(2);
      await end(core, () => (now += 16 * 60_000));
      expect(filesUnder(join(dir, 'staging'))).toEqual([]);
      await expect(readStagedFile(source).next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await core.close();
    });
  }

  it('removes, when a core starts, what a crashed run left – not what a running process holds', async () => {
    const dir = tempDir();
    const staging = join(dir, 'staging');
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const folders = { crashed: `${ended}-0a1b2c`, running: `${running.pid}-3d4e5f`, stray: 'not-ours' };
      for (const folder of Object.values(folders)) {
        mkdirSync(join(staging, folder), { recursive: true });
        writeFileSync(join(staging, folder, 'f'), randomBytes(100));
      }
      const core = await newArchive(dir);
      expect(existsSync(join(staging, folders.crashed))).toBe(false);
      expect(existsSync(join(staging, folders.stray))).toBe(false);
      expect(existsSync(join(staging, folders.running, 'f'))).toBe(true);
      await core.close();
    } finally {
      running.kill();
    }
  });
});
