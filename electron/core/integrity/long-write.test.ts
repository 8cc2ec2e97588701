import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, newArchive, ok, openSheet, testCore } from '../../../tests/helpers/core';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const signIn = { login: ADMIN.login, password: ADMIN.password };

const HEADER = ['客户名称', '联系电话', '车架号（VIN）', '车牌号', '交车日期'];
const row = (i: number) => [`客户${i}`, `1380013${String(i % 10000).padStart(4, '0')}`, `LSVAU2180N${String(i).padStart(7, '0')}`, `沪A${String(10000 + i)}`, '2026-11-02'];

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

describe('a long import in one program', () => {
  it('lets another program sign in and read at once, refuses its writes with the import’s progress, and records its sign-in later', async () => {
    const dir = tempDir();
    const importer = await newArchive(dir);
    const rows = Array.from({ length: 4000 }, (_, i) => row(i + 1));
    const text = [HEADER, ...rows].map((r) => r.join(',')).join('\r\n');
    const opened = await openSheet(importer, '大批导入.csv', new TextEncoder().encode(text));
    const running = call(importer, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    await until(() => existsSync(join(dir, 'writing.json')), 'the import announced itself');

    const reader = testCore(dir);
    const started = Date.now();
    const session = await ok(reader, 'session:login', signIn, 'cli');
    expect(session.condition).toBeNull();
    expect((await ok(reader, 'dossier:list', {}, 'cli')).total).toBe(0);
    const refused = await call(reader, 'dossier:create', { title: '导入期间' }, 'cli');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ARCHIVE_BUSY' } });
    expect(refused.ok ? '' : refused.error.messageEn).toMatch(/Another program is importing \(started .*, \d+ of 4000 rows, \d+%\)/);

    // A program that only looks and ends while the import still runs: its sign-in is kept for later.
    const glance = testCore(dir);
    await ok(glance, 'session:login', signIn, 'cli');
    await ok(glance, 'archive:info', {}, 'cli');
    await glance.close();
    expect(existsSync(join(dir, 'writing.json'))).toBe(true);

    expect(await running).toMatchObject({ ok: true, data: { imported: 4000 } });
    expect(existsSync(join(dir, 'writing.json'))).toBe(false);
    await ok(reader, 'dossier:create', { title: '导入之后' }, 'cli');
    // The reader's sign-in is recorded with its first write, and the glance's with it.
    const logins = (await ok(reader, 'audit:list', { action: 'session:login' }, 'cli')).items.filter((e) => e.frontDoor === 'cli');
    expect(logins).toHaveLength(2);
    expect(logins.filter((e) => e.summary?.recordedLater === true)).toHaveLength(1);
    await reader.close();
    await importer.close();
  }, 60_000);
});
