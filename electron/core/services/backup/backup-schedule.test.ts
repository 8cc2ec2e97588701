import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, addUser, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { expectSummariesInWords } from '../../../../tests/helpers/audit-words';

const tempDir = useTempDirs();
const DAY = 24 * 60 * 60 * 1000;
let clock: number;
let core: Core;
let folder: string;

beforeEach(async () => {
  clock = Date.parse('2026-11-02T09:00:00+08:00');
  core = await newArchive(tempDir(), { now: () => new Date(clock) });
  folder = tempDir();
});

const later = (ms: number) => (clock += ms);
/** Days later: the idle lock has struck, so the administrator signs in again. */
async function daysLater(days: number): Promise<void> {
  later(days * DAY);
  await switchTo(core, ADMIN.login, ADMIN.password);
}

describe('scheduled backups', () => {
  it('is not due without a folder, yet warns; once a folder is set, the first call takes a backup, then nothing until a week has passed', async () => {
    await addUser(core, { login: 'clerk', roles: ['clerk'] });
    const unset = await ok(core, 'backup:status', {});
    expect(unset).toMatchObject({ folder: '', due: false, overdue: true, lastGood: null, ageDays: null });
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: null });

    await ok(core, 'settings:update', { backup: { folder, intervalDays: 7, keep: 10, afterImportantEvents: true, drillDays: 30 } });
    expect(await ok(core, 'backup:status', {})).toMatchObject({ due: true, dueReason: 'never', overdue: true });
    const first = await ok(core, 'backup:run-due', {});
    expect(first).toMatchObject({ ran: 'backup', ok: true, status: { due: false, overdue: false, ageDays: 0, lastFailure: null } });
    // The first drill follows at the next call; then nothing is due.
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: 'drill', ok: true, status: { drillDue: false, lastDrill: { ok: true } } });
    await daysLater(6);
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: null, status: { ageDays: 6, overdue: false } });
    await daysLater(1);
    expect(await ok(core, 'backup:status', {})).toMatchObject({ due: true, dueReason: 'schedule', ageDays: 7 });
    await daysLater(1);
    expect(await ok(core, 'backup:status', {})).toMatchObject({ overdue: true, ageDays: 8 });
    // Any signed-in user's window takes it; the audit trail says who was signed in and why.
    await switchTo(core, 'clerk');
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: 'backup', ok: true, status: { overdue: false } });
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('backs up at once after an important event, keeps the newest N, and records a failure that the status names', async () => {
    await ok(core, 'settings:update', { backup: { folder, intervalDays: 7, keep: 2, afterImportantEvents: true, drillDays: 30 } });
    await ok(core, 'backup:run-due', {});
    later(1000);
    await ok(core, 'backup:run-due', {}); // the first drill
    later(1000);
    await ok(core, 'settings:update', { companyName: '某某汽车销售服务有限公司' });
    expect(await ok(core, 'backup:status', {})).toMatchObject({ due: true, dueReason: 'settings:update' });
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: 'backup', ok: true });
    later(1000);
    await ok(core, 'settings:update', { companyName: '某某汽车销售服务有限公司（二）' });
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: 'backup', ok: true });
    const kept = readdirSync(folder).sort();
    expect(kept).toHaveLength(2);
    const listing = await ok(core, 'backup:list', { folder });
    expect(listing.backups.map((b) => b.fileName)).toEqual([...kept].reverse());

    // The drive is gone: the next backup fails, is recorded, and the status says why.
    later(1000);
    await ok(core, 'settings:update', { companyName: '某某汽车销售服务有限公司（三）' });
    rmSync(folder, { recursive: true, force: true });
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: 'backup', ok: false });
    const status = await ok(core, 'backup:status', {});
    expect(status.lastFailure?.message).toContain('备份文件夹不存在');
    expect(status.due).toBe(true);
    // Not tried again at every call of every window: after an hour.
    later(30 * 60 * 1000);
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: null, status: { due: true } });
    later(31 * 60 * 1000);
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: 'backup', ok: false });
    // The trail shows each of these in words: taken, pruned, failed.
    const trail = (await ok(core, 'audit:list', { action: 'backup:', limit: 50 })).items;
    expect([...new Set(trail.map((event) => event.action))]).toEqual(expect.arrayContaining(['backup:create', 'backup:prune', 'backup:failed']));
    expectSummariesInWords(trail);
  });

  it('is not stopped by a backup taken while the clock was a year ahead; the newest kept is the newest taken, not the latest name', async () => {
    await ok(core, 'settings:update', { backup: { folder, intervalDays: 7, keep: 1, afterImportantEvents: true, drillDays: 30 } });
    later(365 * DAY);
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: 'backup', ok: true });
    const future = readdirSync(folder);
    // The clock put right: the backup's age is unknown, so one is due now (and overdue).
    later(-365 * DAY);
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(await ok(core, 'backup:status', {})).toMatchObject({ due: true, dueReason: 'schedule', overdue: true, ageDays: null });
    expect(await ok(core, 'backup:run-due', {})).toMatchObject({ ran: 'backup', ok: true, status: { due: false, ageDays: 0 } });
    const kept = readdirSync(folder);
    expect(kept).toHaveLength(1);
    expect(kept).not.toEqual(future);
  });

  it('refuses a backup folder that does not exist or lies in the data folder when it is saved', async () => {
    const missing = await core.invoke('settings:update', { backup: { folder: join(folder, 'gone'), intervalDays: 7, keep: 10, afterImportantEvents: true, drillDays: 30 } }, 'ui');
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const tooLong = await core.invoke('settings:update', { backup: { folder, intervalDays: 8, keep: 10, afterImportantEvents: true, drillDays: 30 } }, 'ui');
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
