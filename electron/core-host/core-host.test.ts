import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, FAST_KDF, ok } from '../../tests/helpers/core';
import { migrationsDir, repoRoot } from '../../tests/helpers/paths';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { CoreClient, type CoreProcess } from './client';
import { forkCoreHost } from './node-child';

const tempDir = useTempDirs();

/** The host from its TypeScript source, in a Node child process as the browser preview runs it. */
function client(dataDir: string, spawned: CoreProcess[] = [], log: string[] = []): CoreClient {
  return new CoreClient(
    () => {
      const process = forkCoreHost(join(repoRoot, 'electron/core-host/index.ts'), ['--import', 'tsx']);
      spawned.push(process);
      return process;
    },
    { dataDir, migrationsDir, appVersion: '0.0.0-test', kdfCost: FAST_KDF, idleCheckIntervalMs: 0, pageCheck: false },
    (line) => log.push(line),
  );
}

describe('the core in a process of its own', () => {
  it('answers every call of the contract, stages a file chosen by path, and ends the session when told to quit', async () => {
    const dir = tempDir();
    const core = client(join(dir, 'archive'));
    await ok(core, 'archive:create', { admin: ADMIN });
    const created = await ok(core, 'dossier:create', { title: '张三的新车档案' });
    expect(created.archiveNumber).toMatch(/^KH-\d{4}-000001$/);
    const refused = await call(core, 'dossier:get', { archiveNumber: 'KH-1999-999999' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const sheet = join(dir, '客户.csv');
    const text = '客户名称,联系电话\n李四,13800000000\n';
    writeFileSync(sheet, text);
    const staged = await core.stageLocalFile(sheet, 'import');
    expect(staged).toMatchObject({ ok: true, data: { name: '客户.csv', size: Buffer.byteLength(text) } });
    expect(await core.stageLocalFile(join(dir, 'missing.csv'), 'import')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await core.shutdown();
    const after = client(join(dir, 'archive'));
    await ok(after, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const ended = await ok(after, 'audit:list', { action: 'session:lock' });
    expect(ended.items[0]?.summary).toMatchObject({ reason: 'exit' });
    await after.shutdown();
  });

  it('a core process that dies: the calls in flight fail clearly, the next call starts a new one, signed out', async () => {
    const dir = tempDir();
    const spawned: CoreProcess[] = [];
    const log: string[] = [];
    const core = client(join(dir, 'archive'), spawned, log);
    await ok(core, 'archive:create', { admin: ADMIN });
    const inFlight = call(core, 'dossier:create', { title: '进行中的档案' });
    spawned[0]?.kill();
    const failed = await inFlight;
    expect(failed.ok ? '' : failed.error.messageEn).toContain('core process stopped unexpectedly');
    expect(log.join('\n')).toContain('the core process stopped unexpectedly');

    expect(await ok(core, 'session:status', {})).toMatchObject({ session: null });
    expect(spawned).toHaveLength(2);
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    await core.shutdown();
  });
});
