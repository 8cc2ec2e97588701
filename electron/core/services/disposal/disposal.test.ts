import { sql } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../db/open';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, stageBytes, switchTo } from '../../../../tests/helpers/core';
import { failSyncRemovals } from '../../../../tests/helpers/fs-hooks';
import { inspectPdf } from '../../../../tests/helpers/pdf';
import { openRawDb } from '../../../../tests/helpers/raw-db';
import { scansIn } from '../../../../tests/helpers/scan-dossier';
import { samplePng } from '../../../../tests/helpers/scan-files';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
let dir: string;
let core: Core;
let db: Db;
let clock = new Date('2026-11-30T04:00:00Z');

const as = (login: string) => switchTo(core, login, login === ADMIN.login ? ADMIN.password : undefined);
const stage = (name: string, variant: number) => stageBytes(core, name, samplePng({ variant }), 'scan');

/** A service dossier serviced on `serviceDate`: its 10 years run from that day (the type's trigger). */
async function serviced(customerName: string, serviceDate: string): Promise<string> {
  return (await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName, phone: '13900139000', plate: '沪A12345', serviceDate }, departmentCode: 'SHB' })).archiveNumber;
}

const witnesses = [
  { login: 'wita', password: passwordOf('wita') },
  { login: 'witb', password: passwordOf('witb') },
];

const events = (action: string) => db.all<{ target: string | null }>(sql`SELECT target_label AS target FROM audit_events WHERE action = ${action} ORDER BY id`).map((e) => e.target);
const countOf = (table: string) => db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;

const numbers: Record<'expired' | 'shared' | 'kept' | 'held' | 'property' | 'permanent' | 'longer' | 'crash', string> = {} as never;

beforeAll(async () => {
  dir = suiteDir();
  core = await newArchive(dir, { now: () => clock });
  db = await openRawDb(dir, ADMIN.login, ADMIN.password);
  await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
  for (const [login, roles] of [
    ['clerk', ['clerk']],
    ['kefu', ['cs-manager']],
    ['zjl', ['general-manager']],
    ['fawu', ['legal']],
    ['wita', ['staff']],
    ['witb', ['auditor']],
    ['witc', ['staff']],
  ] as const) {
    await addUser(core, { login, roles: [...roles], departmentCode: 'SHB' });
  }
  await as('clerk');
  numbers.expired = await serviced('过期甲', '2014-03-01');
  numbers.held = await serviced('保全乙', '2014-05-01');
  numbers.shared = await serviced('共用丙', '2015-06-01');
  numbers.longer = await serviced('延长丁', '2015-08-01');
  numbers.crash = await serviced('中断戊', '2015-09-01');
  numbers.kept = await serviced('在保己', '2026-09-30');
  numbers.permanent = await serviced('永久庚', '2010-01-01');
  numbers.property = (await ok(core, 'dossier:create', { typeKey: 'property', fields: { customerName: '业主辛', phone: '13800138000', garden: 'A', building: '1', unit: '2', room: '301' }, departmentCode: 'SHB' })).archiveNumber;
  // Someone set years on a property dossier, and made another permanent: neither is ever due.
  db.run(sql`UPDATE dossiers SET retention = '{"kind":"years","years":1}', opened_on = '2001-01-01' WHERE archive_number = ${numbers.property}`);
  db.run(sql`UPDATE dossiers SET retention = '{"kind":"permanent"}' WHERE archive_number = ${numbers.permanent}`);
  await ok(core, 'scan:add', { archiveNumber: numbers.expired, stagedFileIds: [await stage('甲1.png', 1), await stage('甲2.png', 2)] });
  // The same picture filed with a dossier that is kept: it must survive the destruction.
  await ok(core, 'scan:add', { archiveNumber: numbers.shared, stagedFileIds: [await stage('丙.png', 3)] });
  await ok(core, 'scan:add', { archiveNumber: numbers.kept, stagedFileIds: [await stage('己.png', 3)] });
  await ok(core, 'scan:add', { archiveNumber: numbers.crash, stagedFileIds: [await stage('戊.png', 5)] });
  await ok(core, 'hold:place', { archiveNumber: numbers.held, reason: '法院调取证据通知' });
});

afterAll(() => db.$client.close());

describe('retention, appraisal and disposal', () => {
  it('lists the dossiers due by a day, per year – never permanent ones, never property dossiers (RT-03)', async () => {
    const due = await ok(core, 'retention:due', {});
    const listed = due.dossiers.map((d) => d.archiveNumber);
    expect(listed).toEqual([numbers.expired, numbers.held, numbers.shared, numbers.longer, numbers.crash]);
    expect(listed).not.toContain(numbers.property);
    expect(listed).not.toContain(numbers.permanent);
    expect(listed).not.toContain(numbers.kept);
    expect(due.years).toEqual([
      { year: '2024', count: 2 },
      { year: '2025', count: 3 },
    ]);
    // From the type's trigger, the service day: serviced 2014-03-01, kept 10 years.
    expect(due.dossiers[0]).toMatchObject({ triggerOn: '2014-03-01', dueOn: '2024-03-01', retention: { kind: 'years', years: 10 }, held: false, appraisal: null });
    expect(due.dossiers[1]?.held).toBe(true);
    expect((await ok(core, 'retention:due', { until: '2024-12-31' })).dossiers.map((d) => d.archiveNumber)).toEqual([numbers.expired, numbers.held]);
    expect((await ok(core, 'retention:due', { year: '2025' })).dossiers).toHaveLength(3);
  });

  it('appraises: a held dossier is refused, one not due or a property dossier too; keeping longer changes the retention', async () => {
    const destroy = { decision: 'destroy' as const, reason: '保管期满，无保存价值', committee: '王经理、李专员、赵法务' };
    expect(await call(core, 'appraisal:decide', { ...destroy, archiveNumbers: [numbers.expired, numbers.held] })).toMatchObject({ ok: false, error: { code: 'LEGAL_HOLD' } });
    expect(await call(core, 'appraisal:decide', { ...destroy, archiveNumbers: [numbers.kept] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'appraisal:decide', { ...destroy, archiveNumbers: [numbers.property] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok(core, 'appraisal:decide', { ...destroy, archiveNumbers: [numbers.expired, numbers.shared, numbers.crash] })).toEqual({ decided: 3 });
    const keep = { decision: 'keep' as const, archiveNumbers: [numbers.longer], reason: '客户纠纷未了', committee: '王经理、李专员' };
    expect(await call(core, 'appraisal:decide', { ...keep, retention: { kind: 'years', years: 5 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(core, 'appraisal:decide', { ...keep, retention: { kind: 'years', years: 30 } });
    expect((await ok(core, 'dossier:get', { archiveNumber: numbers.longer })).retention).toEqual({ kind: 'years', years: 30 });
    expect((await ok(core, 'retention:due', {})).dossiers.map((d) => d.archiveNumber)).not.toContain(numbers.longer);
    expect(events('appraisal:decide')).toEqual(expect.arrayContaining([numbers.expired, numbers.shared, numbers.crash, numbers.longer]));
    // Staff may not appraise.
    await as('wita');
    expect(await call(core, 'appraisal:decide', { ...destroy, archiveNumbers: [numbers.expired] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await as('clerk');
  });

  it('makes a numbered destruction list approved by the archive head, then the general manager, in turn', async () => {
    expect((await ok(core, 'disposal:awaiting', {})).map((a) => a.archiveNumber).sort()).toEqual([numbers.expired, numbers.shared, numbers.crash].sort());
    const list = await ok(core, 'disposal:create', { archiveNumbers: [numbers.expired, numbers.shared], method: 'shredding' });
    expect(list).toMatchObject({ number: 'XH-2026-001', state: 'approving', awaiting: 'cs-manager', dossiers: 2 });
    expect(list.items.map((i) => [i.archiveNumber, i.pages, i.dueOn, i.reason])).toEqual([
      [numbers.expired, 2, '2024-03-01', '保管期满，无保存价值'],
      [numbers.shared, 1, '2025-06-01', '保管期满，无保存价值'],
    ]);
    // On a list: not twice.
    expect(await call(core, 'disposal:create', { archiveNumbers: [numbers.expired], method: 'pulping' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Waste paper is no method (RT-01).
    expect(await call(core, 'disposal:create', { archiveNumbers: [numbers.crash], method: 'waste-paper' as never })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'disposal:carry-out', { id: list.id, destroyedOn: '2026-11-30', witnesses })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await as('zjl');
    expect(await call(core, 'disposal:decide', { id: list.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await as('kefu');
    expect(await ok(core, 'disposal:decide', { id: list.id, decision: 'approve', comment: '同意销毁' })).toMatchObject({ state: 'approving', awaiting: 'general-manager' });
    await as('zjl');
    expect(await ok(core, 'disposal:decide', { id: list.id, decision: 'approve' })).toMatchObject({ state: 'approved', awaiting: null });
    expect(events('disposal:decide')).toEqual(['XH-2026-001', 'XH-2026-001']);

  });

  it('carries the list out witnessed by two others with their passwords: metadata kept, scans erased, a shared scan kept, verify names the erasure', async () => {
    await as('clerk');
    const [list] = await ok(core, 'disposal:list', {});
    if (!list) throw new Error('no list');
    const before = scansIn(dir).length;
    const fileOf = (address: string) => join(dir, 'scans', address.slice(0, 2), address.slice(2));
    const addresses = db.all<{ address: string; number: string }>(sql`
      SELECT DISTINCT f.address, d.archive_number AS number FROM scan_files f JOIN scan_pages p ON p.file_id = f.id JOIN documents doc ON doc.id = p.document_id JOIN dossiers d ON d.id = doc.dossier_id`);
    const ofDossier = (number: string) => addresses.filter((a) => a.number === number).map((a) => a.address);
    expect(ofDossier(numbers.expired).every((a) => existsSync(fileOf(a)))).toBe(true);
    const expiredPage = (await ok(core, 'scan:list', { archiveNumber: numbers.expired })).documents[0]?.pages[0]?.id ?? 0;

    expect(await call(core, 'disposal:carry-out', { id: list.id, destroyedOn: '2026-11-30', witnesses: [witnesses[0], witnesses[0]] as never })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'disposal:carry-out', { id: list.id, destroyedOn: '2026-11-30', witnesses: [witnesses[0], { login: 'clerk', password: passwordOf('clerk') }] as never })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'disposal:carry-out', { id: list.id, destroyedOn: '2026-11-30', witnesses: [witnesses[0], { login: 'witb', password: 'wrong-password-1' }] as never })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    // A witness's password is guessed no more often here than at sign-in: the fifth wrong one locks
    // the account, which then refuses the right one too – and signing in.
    const guessing = (password: string) => call(core, 'disposal:carry-out', { id: list.id, destroyedOn: '2026-11-30', witnesses: [witnesses[0], { login: 'witc', password }] as never });
    for (let i = 1; i <= 4; i += 1) expect(await guessing(`guess-number-${i}`), `guess ${i}`).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', message: '第 2 名监销人的用户名或密码错误' } });
    expect(await guessing('guess-number-5')).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/^第 2 名监销人：连续 5 次密码错误，账户已锁定至/) as unknown } });
    expect(await guessing(passwordOf('witc'))).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await call(core, 'session:lock', {})).toMatchObject({ ok: true });
    expect(await call(core, 'session:login', { login: 'witc', password: passwordOf('witc') })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await as(ADMIN.login);
    const guesses = db.all<{ summary: string }>(sql`SELECT summary FROM audit_events WHERE action = 'session:login-failed' AND target_label = 'witc' ORDER BY id`).map((e) => JSON.parse(e.summary) as { reason: string; askedFor?: string });
    expect(guesses.map((g) => [g.reason, g.askedFor])).toEqual([...[1, 2, 3, 4, 5].map(() => ['wrong-password', 'witness']), ['locked', 'witness'], ['locked', undefined]]);
    // wita's right password, tried beside them, left no failure on wita's account.
    expect(db.all(sql`SELECT id FROM audit_events WHERE action = 'session:login-failed' AND target_label = 'wita'`)).toEqual([]);
    await as('clerk');
    // A hold placed after the approval still stops it.
    const hold = await ok(core, 'hold:place', { archiveNumber: numbers.shared, reason: '仲裁' });
    expect(await call(core, 'disposal:carry-out', { id: list.id, destroyedOn: '2026-11-30', witnesses })).toMatchObject({ ok: false, error: { code: 'LEGAL_HOLD' } });
    await as('fawu');
    await ok(core, 'hold:lift', { holdId: hold.id, reason: '仲裁结束' });
    await as('clerk');

    const registers = ['intakes', 'loans', 'approval_requests', 'stocktakes', 'legal_holds', 'legal_hold_lifts'].map(countOf);
    const done = await ok(core, 'disposal:carry-out', { id: list.id, destroyedOn: '2026-11-30', witnesses });
    expect(done).toMatchObject({ state: 'carried-out', destruction: { destroyedOn: '2026-11-30', witnesses: ['wita', 'witb'], erasedFiles: 2 } });
    const destroyed = await ok(core, 'dossier:get', { archiveNumber: numbers.expired });
    expect(destroyed).toMatchObject({ status: 'destroyed', title: expect.stringContaining('过期甲') as unknown });
    expect(destroyed.fields.map((f) => [f.key, f.value])).toEqual(expect.arrayContaining([
      ['customerName', '过期甲'],
      ['serviceDate', '2014-03-01'],
    ]));
    // The expired dossier's two files are gone from the data folder; the picture the kept dossier files too stays.
    expect(ofDossier(numbers.expired).some((a) => existsSync(fileOf(a)))).toBe(false);
    expect(ofDossier(numbers.kept).every((a) => existsSync(fileOf(a)))).toBe(true);
    expect(scansIn(dir).length).toBe(before - 2);
    // Its pages are still listed in the catalogue, but say why they no longer open.
    expect(await call(core, 'scan:file', { pageId: expiredPage })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('已销毁') as unknown } });
    const kept = (await ok(core, 'scan:list', { archiveNumber: numbers.kept })).documents[0]?.pages[0];
    expect(await ok(core, 'scan:file', { pageId: kept?.id ?? 0 })).toMatchObject({ fileName: '己.png' });
    // Registers are never destroyed (RT-07): not one entry of them went.
    expect(['intakes', 'loans', 'approval_requests', 'stocktakes', 'legal_holds', 'legal_hold_lifts'].map(countOf)).toEqual(registers);
    await as(ADMIN.login);
    const report = await ok(core, 'archive:verify', {});
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.name === 'scans')?.message).toContain('另有 2 个扫描文件已随档案销毁而删除');
    expect(events('disposal:destroy')).toEqual([numbers.expired, numbers.shared]);
    expect(events('disposal:carry-out')).toEqual(['XH-2026-001']);
  });

  it('prints the destruction list with its approvals, witnesses and method', async () => {
    await as('clerk');
    const file = await ok(core, 'disposal:print', { id: 1 });
    expect(file.fileName).toMatch(/^档案销毁清册-XH-2026-001-.*\.pdf$/);
    const { text } = inspectPdf(file.bytes);
    for (const words of ['档案销毁清册', 'XH-2026-001', '2014-03-01 至 2024-03-01', numbers.expired, numbers.shared, '粉碎', '同意销毁', '保管期满', 'wita、witb', '2026-11-30']) expect(text).toContain(words);
    // Never sold as waste paper (RT-01): no such method exists to be printed.
    expect(text).not.toMatch(/销毁方式：[^；]*废品/);
    expect(events('disposal:print')).toEqual(['XH-2026-001']);
  });

  it('keeps the disposal registers append-only', () => {
    for (const statement of [
      "UPDATE appraisals SET reason = 'x'",
      'DELETE FROM destruction_list_items',
      "UPDATE destruction_lists SET method = 'pulping'",
      'DELETE FROM destructions',
      'DELETE FROM scan_erasures',
      'DELETE FROM destruction_witnesses',
      // A new row on the same list would make SQLite delete the recorded destruction, without a DELETE trigger.
      "INSERT OR REPLACE INTO destructions (list_id, destroyed_on, carried_out_by, carried_out_at) SELECT list_id, '2000-01-01', carried_out_by, carried_out_at FROM destructions LIMIT 1",
    ]) {
      expect(() => db.$client.prepare(statement).run()).toThrow(/append-only/);
    }
  });

  it('a crash between the commit and the removal leaves only orphans, which verify collects', async () => {
    await as('clerk');
    const list = await ok(core, 'disposal:create', { archiveNumbers: [numbers.crash], method: 'incineration' });
    expect(list.number).toBe('XH-2026-002');
    await as('kefu');
    await ok(core, 'disposal:decide', { id: list.id, decision: 'approve' });
    await as('zjl');
    await ok(core, 'disposal:decide', { id: list.id, decision: 'approve' });
    await as('clerk');
    const before = scansIn(dir).length;
    const crash = failSyncRemovals('EIO', (path) => path.startsWith(join(dir, 'scans')));
    try {
      await ok(core, 'disposal:carry-out', { id: list.id, destroyedOn: '2026-11-30', witnesses });
      expect(crash.refused()).toBeGreaterThan(0);
    } finally {
      crash.undo();
    }
    expect(scansIn(dir).length).toBe(before);
    await as(ADMIN.login);
    // Not missing, not damaged: erased. Too young to collect yet (it could be a write under way) …
    const now = await ok(core, 'archive:verify', {});
    expect(now.ok).toBe(true);
    expect(scansIn(dir).length).toBe(before);
    // … and collected once old.
    // The files' times are the machine's: two hours past them.
    clock = new Date(Date.now() + 2 * 60 * 60 * 1000);
    await as(ADMIN.login);
    const later = await ok(core, 'archive:verify', {});
    expect(later.ok).toBe(true);
    expect(scansIn(dir).length).toBe(before - 1);
  });

  it('takes its approvers from the settings (the general manager alone, from the next list on; a role that does not approve is refused), and never erases a photo of the inspection register', async () => {
    await as('admin');
    expect(await call(core, 'settings:update', { disposalApprovers: ['clerk'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'settings:update', { disposalApprovers: ['general-manager', 'general-manager'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(core, 'settings:update', { disposalApprovers: ['general-manager'] });
    await as('clerk');
    const another = await serviced('设置己', '2015-10-01');
    await ok(core, 'scan:add', { archiveNumber: another, stagedFileIds: [await stage('己2.png', 7)] });
    // The same picture is a photo of the inspection register (of another dossier's finding): registers are never destroyed.
    const inspection = await ok(core, 'inspection:start', { locationId: null });
    const withPhoto = await ok(core, 'inspection:add-finding', { id: inspection.id, archiveNumber: numbers.kept, kind: 'torn', note: '封面破损', stagedFileIds: [await stage('照片.png', 7)] });
    const photo = withPhoto.findingList[0]?.photos[0]?.id ?? 0;
    await ok(core, 'appraisal:decide', { decision: 'destroy', reason: '保管期满，无保存价值', committee: '王经理、李专员', archiveNumbers: [another] });
    const next = await ok(core, 'disposal:create', { archiveNumbers: [another], method: 'pulping' });
    expect(next).toMatchObject({ state: 'approving', awaiting: 'general-manager' });
    await as('zjl');
    expect(await ok(core, 'disposal:decide', { id: next.id, decision: 'approve' })).toMatchObject({ state: 'approved' });
    await as('clerk');
    expect(await ok(core, 'disposal:carry-out', { id: next.id, destroyedOn: '2026-11-30', witnesses })).toMatchObject({ destruction: { erasedFiles: 0 } });
    expect((await ok(core, 'inspection:photo', { photoId: photo, size: 'view' })).bytes.byteLength).toBeGreaterThan(0);
  });
});
