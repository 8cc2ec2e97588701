import { describe, expect, it } from 'vitest';
import { call, newArchive, ok, openSheet, testCore } from '../../tests/helpers/core';
import { untilWriting, vehicleSheet } from '../../tests/helpers/running-import';
import { useTempDirs } from '../../tests/helpers/temp-dir';

const tempDir = useTempDirs();


describe("while the core's own import runs", () => {
  it('looking and searching go on beside it and see the last commit, never the import in progress; what has to write says an import runs', async () => {
    const core = await newArchive(tempDir());
    const plain = await ok(core, 'dossier:create', { title: '导入之前的档案' });
    // Opening a 机密 dossier is recorded in the trail: a write.
    const secret = await ok(core, 'dossier:create', { title: '导入之前的机密档案', level: 3 });
    const opened = await openSheet(core, 'big.csv', vehicleSheet(6000));
    const running = call(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    await untilWriting(core, opened.importId);

    const listed = await ok(core, 'dossier:list', {});
    expect(listed.total).toBe(2);
    expect((await ok(core, 'dossier:list', { query: '客户1' })).total).toBe(0);
    expect((await ok(core, 'dossier:get', { archiveNumber: plain.archiveNumber })).title).toBe('导入之前的档案');
    expect(await ok(core, 'session:touch', {})).toMatchObject({ idleLockMinutes: expect.any(Number) as number });
    const recorded = await call(core, 'dossier:get', { archiveNumber: secret.archiveNumber });
    expect(recorded).toMatchObject({ ok: false, error: { code: 'ARCHIVE_BUSY' } });
    expect(recorded.ok ? '' : recorded.error.messageEn).toMatch(/^An import is running \(started .*, \d+ of 6000 rows, \d+%\)/);
    // All of it while the import was still writing.
    expect((await ok(core, 'import:progress', { importId: opened.importId })).phase).toBe('writing');
    // What would change the import's own staged file, or judges the whole archive, waits for it.
    const order: string[] = [];
    const verified = ok(core, 'archive:verify', {}).then(() => order.push('verify'));
    const closed = call(core, 'import:close', { importId: opened.importId }).then(() => order.push('close'));

    expect(await running).toMatchObject({ ok: true, data: { imported: 6000 } });
    order.push('import');
    await Promise.all([verified, closed]);
    expect(order).toEqual(['import', 'verify', 'close']);
    expect((await ok(core, 'dossier:list', { query: '客户1' })).total).toBeGreaterThan(0);
    expect((await ok(core, 'dossier:list', {})).total).toBe(6002);
    await ok(core, 'dossier:get', { archiveNumber: secret.archiveNumber });
    await core.close();
  });
});

describe('quitting during an import', () => {
  it('cancels it: nothing of it is kept, the cancel and the end of the session are recorded', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const opened = await openSheet(core, 'big.csv', vehicleSheet(6000));
    const running = call(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    await untilWriting(core, opened.importId);
    await core.shutdown();
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const after = testCore(dir);
    await ok(after, 'session:login', { login: 'admin', password: 'admin-password-1' });
    expect((await ok(after, 'dossier:list', {})).total).toBe(0);
    expect((await ok(after, 'audit:list', { action: 'import:cancelled' })).items).toHaveLength(1);
    expect((await ok(after, 'audit:list', { action: 'session:lock' })).items[0]?.summary).toMatchObject({ reason: 'exit' });
    await after.close();
  });
});
