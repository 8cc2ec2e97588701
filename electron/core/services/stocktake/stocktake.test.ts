import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { inspectPdf } from '../../../../tests/helpers/pdf';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import { encodeScanCode } from '../../../../shared/scan-codes';
import type { Core } from '../../core';
import { expectSummariesInWords } from '../../../../tests/helpers/audit-words';

const suiteDir = useSuiteTempDir();
const PER_SHELF = 150;
let now = new Date('2026-11-02T09:00:00+08:00');
let core: Core;
/** Archive numbers standing on shelf 1 and shelf 2 (A-01-1, A-01-2), in shelving order. */
const shelf1: string[] = [];
const shelf2: string[] = [];
let unshelved = '';
let secret = '';
let shelf1Id = 0;
let shelf2Id = 0;

async function asUser(login: string): Promise<void> {
  await switchTo(core, login, login === ADMIN.login ? ADMIN.password : undefined);
}

async function lend(archiveNumber: string): Promise<void> {
  await asUser('clerk');
  const request = await ok(core, 'approval:request', { archiveNumber, kind: 'loan', purpose: '核对合同', requester: 'li', days: 2 });
  await asUser('xsdm');
  await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
  await asUser('clerk');
  await ok(core, 'loan:checkout', { requestId: request.id, signature: { name: '李' } });
}

beforeAll(async () => {
  const dir = suiteDir();
  const setup = await newArchive(dir);
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  // Cleared for 内部 only: a 秘密 dossier does not exist for her.
  await addUser(setup, { login: 'junior', displayName: '档案员小陈', roles: ['clerk'], clearance: 1 });
  await addUser(setup, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'staff', displayName: '员工', roles: ['staff'] });
  await addUser(setup, { login: 'auditor', displayName: '审计员', roles: ['auditor'], clearance: 1 });
  const room = await ok(setup, 'location:create', { parentId: null, code: 'A', name: '一号库房' });
  const cabinet = await ok(setup, 'location:create', { parentId: room.id, code: '01', name: '1号柜' });
  shelf1Id = (await ok(setup, 'location:create', { parentId: cabinet.id, code: '1', name: '第1层' })).id;
  shelf2Id = (await ok(setup, 'location:create', { parentId: cabinet.id, code: '2', name: '第2层' })).id;
  for (let i = 0; i < PER_SHELF * 2; i += 1) {
    const { archiveNumber } = await ok(setup, 'dossier:create', { title: `客户${i} 新车档案`, level: 1, departmentCode: 'XSB' });
    await ok(setup, 'dossier:set-location', { archiveNumber, locationId: i < PER_SHELF ? shelf1Id : shelf2Id });
    (i < PER_SHELF ? shelf1 : shelf2).push(archiveNumber);
  }
  unshelved = (await ok(setup, 'dossier:create', { title: '未上架 档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  secret = (await ok(setup, 'dossier:create', { title: '王五 秘密合同', level: 2, departmentCode: 'XSB' })).archiveNumber;
  await ok(setup, 'dossier:set-location', { archiveNumber: secret, locationId: shelf1Id });
  await setup.close();
  core = testCore(dir, { now: () => now });
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
  // Two of shelf 1 are out on loan: one comes back without its return registered (scanned below), one is away.
  await lend(shelf1[0] ?? '');
  await lend(shelf1[1] ?? '');
}, 120_000);

describe('a stocktake of one shelf', () => {
  let id = 0;

  it('classifies each scan live: found, misplaced (saying where), on loan, unknown, repeat', async () => {
    await asUser('clerk');
    const started = await ok(core, 'stocktake:start', { locationId: shelf1Id });
    id = started.id;
    expect(started.place).toMatchObject({ fullCode: 'A-01-1', path: '一号库房 / 1号柜 / 第1层' });
    expect(started.totals).toMatchObject({ expected: PER_SHELF + 1, found: 0, missing: PER_SHELF - 1, away: 2, scans: 0 });
    // One open stocktake per place: the second clerk resumes it instead.
    expect(await call(core, 'stocktake:start', { locationId: shelf1Id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`第 ${id} 号盘点`) as unknown } });

    const scan = (code: string) => ok(core, 'stocktake:scan', { id, code });
    // Shelf 1 except its first two (on loan) and its last ten (missing); a QR payload reads like a typed number.
    for (const number of shelf1.slice(2, PER_SHELF - 10)) {
      now = new Date(now.getTime() + 1000);
      await scan(number);
    }
    const viaQr = await scan(encodeScanCode({ kind: 'archive', archiveNumber: secret }));
    expect(viaQr.scan).toMatchObject({ archiveNumber: secret, outcome: 'found', title: '王五 秘密合同', level: 2 });

    const misplaced = await scan(shelf2[5] ?? '');
    expect(misplaced.scan).toMatchObject({ outcome: 'misplaced', title: '客户155 新车档案', expected: { id: shelf2Id, fullCode: 'A-01-2', path: '一号库房 / 1号柜 / 第2层' } });
    expect((await scan(unshelved)).scan).toMatchObject({ outcome: 'misplaced', expected: null });
    const onLoan = await scan(shelf1[0] ?? '');
    expect(onLoan.scan).toMatchObject({ outcome: 'on-loan', holder: { name: '销售小李（销售部）', dueOn: '2026-11-04' }, expected: { fullCode: 'A-01-1' } });
    expect((await scan('KH-1999-999999')).scan).toMatchObject({ outcome: 'unknown', title: null, expected: null });
    const repeat = await scan(`  ${shelf1[2] ?? ''} `);
    expect(repeat.scan).toMatchObject({ outcome: 'repeat', archiveNumber: shelf1[2], firstScannedAt: expect.any(String) as unknown });
    expect(repeat.totals).toEqual({ expected: PER_SHELF + 1, found: PER_SHELF - 12 + 1, missing: 10, away: 1, misplaced: 2, onLoan: 1, unknown: 1, disposed: 0, repeats: 1, scans: PER_SHELF - 12 + 6 });
    // Not a dossier label: refused, not recorded.
    expect(await call(core, 'stocktake:scan', { id, code: 'DD:S' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('is saved as it goes: another program resumes it with the missing list and who holds what is away', async () => {
    await core.close();
    core = testCore(suiteDir(), { now: () => now });
    await ok(core, 'session:login', { login: 'clerk', password: 'clerk-password-1' });
    const view = await ok(core, 'stocktake:get', { id });
    expect(view.missing.map((m) => m.archiveNumber)).toEqual(shelf1.slice(PER_SHELF - 10));
    expect(view.missing[0]).toMatchObject({ title: `客户${PER_SHELF - 10} 新车档案`, place: { fullCode: 'A-01-1' }, holder: null });
    expect(view.away).toEqual([expect.objectContaining({ archiveNumber: shelf1[1], holder: { name: '销售小李（销售部）', dueOn: '2026-11-04' } })]);
    expect(view.scans[0]).toMatchObject({ outcome: 'repeat' });
    expect(view.scans).toHaveLength(PER_SHELF - 12 + 6);
    expect((await ok(core, 'stocktake:list', {}))[0]).toMatchObject({ id, finishedAt: null, place: { fullCode: 'A-01-1' } });
  });

  it('never tells a clerk more than her clearance: a dossier above it reads as an unknown number, and is left out of the lists and counts', async () => {
    await asUser('junior');
    const view = await ok(core, 'stocktake:get', { id });
    const seen = view.scans.find((s) => s.archiveNumber === secret);
    expect(seen).toMatchObject({ outcome: 'unknown', title: null, level: null, expected: null });
    expect(view.totals).toMatchObject({ expected: PER_SHELF, found: PER_SHELF - 12, unknown: 2 });
    // Her own scan of it answers as for a number that does not exist.
    const own = await ok(core, 'stocktake:scan', { id, code: secret });
    expect(own.scan).toMatchObject({ outcome: 'repeat', title: null });
    // The trail names the dossier on its own events, shown only to readers who may see it.
    await asUser('auditor');
    const events = await ok(core, 'audit:list', { action: 'stocktake:', limit: 500 });
    expectSummariesInWords(events.items);
    const trail = JSON.stringify(events);
    expect(trail).toContain(shelf1[2]);
    expect(trail).not.toContain(secret);
    // Someone who neither keeps nor reads the registers reads no stocktake.
    await asUser('staff');
    expect(await call(core, 'stocktake:get', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'stocktake:scan', { id, code: shelf1[3] ?? '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('finishes once: the misplaced are moved here, each move audited, the report prints, and nothing changes afterwards', async () => {
    await asUser('clerk');
    now = new Date(now.getTime() + 60_000);
    const finished = await ok(core, 'stocktake:finish', { id, correctLocations: true });
    expect(finished).toMatchObject({ corrected: 2, finishedBy: '档案员小王', totals: { missing: 10, away: 1, misplaced: 2 } });
    for (const number of [shelf2[5] ?? '', unshelved]) expect((await ok(core, 'dossier:get', { archiveNumber: number })).location).toMatchObject({ fullCode: 'A-01-1' });
    await asUser(ADMIN.login);
    const moves = await ok(core, 'audit:list', { action: 'dossier:shelve', archiveNumber: shelf2[5] ?? '' });
    expect(moves.items[0]).toMatchObject({ user: { login: 'clerk' }, summary: { from: 'A-01-2', to: 'A-01-1' } });
    await asUser('clerk');

    // The report of the finished stocktake stays as it was closed, though a missing dossier is shelved elsewhere later.
    await ok(core, 'dossier:set-location', { archiveNumber: shelf1[PER_SHELF - 1] ?? '', locationId: shelf2Id });
    const after = await ok(core, 'stocktake:get', { id });
    expect(after.missing).toHaveLength(10);
    expect(after.totals).toEqual(finished.totals);
    expect(await call(core, 'stocktake:scan', { id, code: shelf1[3] ?? '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'stocktake:finish', { id, correctLocations: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const pdf = inspectPdf((await ok(core, 'stocktake:report', { id, format: 'pdf' })).bytes);
    expect(pdf.fonts).toContain('Identity-H');
    for (const words of ['档案盘点报告', '盘点位置：A-01-1 一号库房 / 1号柜 / 第1层', '缺失 10', '错架', '应在：A-01-2', '借出登记：销售小李（销售部），应还 2026-11-04', '位置纠正：2 份', '王五 秘密合同', '盘点人']) {
      expect(pdf.text.replace(/\s+/g, '')).toContain(words.replace(/\s+/g, ''));
    }
    const sheet = await ok(core, 'stocktake:report', { id, format: 'xlsx' });
    expect(sheet.fileName).toMatch(/\.xlsx$/);
    expect(sheet.bytes.length).toBeGreaterThan(2000);
  });

  it('keeps the register append-only in the database itself', async () => {
    await core.close();
    const raw = await openRawDatabase(suiteDir(), 'clerk', 'clerk-password-1');
    try {
      expect(() => raw.prepare("UPDATE stocktake_scans SET outcome = 'found'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM stocktake_absences').run()).toThrow(/append-only/);
      expect(() => raw.prepare("INSERT INTO stocktake_scans (stocktake_id, archive_number, outcome, scanned_by, scanned_at) VALUES (?, 'X', 'unknown', 1, '')").run(id)).toThrow(/finished/);
    } finally {
      raw.close();
      core = testCore(suiteDir(), { now: () => now });
    }
  });
});
