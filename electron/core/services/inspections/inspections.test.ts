import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkItems, type CheckItem } from '../../../../shared/inspections';
import { ADMIN, addUser, call, newArchive, ok, stageBytes, switchTo, testCore } from '../../../../tests/helpers/core';
import { filesUnder } from '../../../../tests/helpers/files';
import { inspectPdf } from '../../../../tests/helpers/pdf';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { scansIn } from '../../../../tests/helpers/scan-dossier';
import { fakeExe, samplePdf, samplePng } from '../../../../tests/helpers/scan-files';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import { expectSummariesInWords } from '../../../../tests/helpers/audit-words';
import type { Core } from '../../core';
import { storedPath } from '../../attachments/file-store';
import { addMonths, planState } from './inspection-plan';

const suiteDir = useSuiteTempDir();
let now = new Date('2026-01-10T09:00:00+08:00');
let core: Core;
let dir = '';
let roomA = 0;
let roomB = 0;
let plain = '';
let secret = '';

const asUser = (login: string) => switchTo(core, login, login === ADMIN.login ? ADMIN.password : undefined);

/** The clock moved on (months: the session locks itself meanwhile), and the clerk signed in again. */
async function clockAt(when: string): Promise<void> {
  now = new Date(when);
  await asUser('clerk');
}
const stagePhoto = (name: string, bytes: Uint8Array) => stageBytes(core, name, bytes, 'scan');

/** Every checklist item OK, humidity and temperature read; `problems` say what is wrong. */
function checklist(problems: Partial<Record<CheckItem, string>> = {}) {
  return checkItems.map((item) => ({
    item,
    status: problems[item] ? ('problem' as const) : ('ok' as const),
    reading: item === 'humidity' ? 55 : item === 'temperature' ? 18.5 : null,
    note: problems[item] ?? null,
  }));
}

/** An inspection of a room finished on `day` with no findings. */
async function inspected(locationId: number | null, day: string): Promise<number> {
  const { id } = await ok(core, 'inspection:start', { locationId });
  await ok(core, 'inspection:save-checks', { id, checks: checklist() });
  await ok(core, 'inspection:finish', { id, inspectedOn: day, inspectors: ['王芳', '李强'] });
  return id;
}

/** The stored (sealed) file of a photo, by its address in the database. */
async function photoFileOf(photoId: number): Promise<string> {
  const raw = await openRawDatabase(dir, 'clerk', 'clerk-password-1');
  try {
    const { address } = raw.prepare('SELECT f.address FROM inspection_photos p JOIN scan_files f ON f.id = p.file_id WHERE p.id = ?').get(photoId) as { address: string };
    return storedPath(join(dir, 'scans'), address);
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  dir = suiteDir();
  const setup = await newArchive(dir, { now: () => now });
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(setup, { login: 'junior', displayName: '档案员小陈', roles: ['clerk'], clearance: 1 });
  await addUser(setup, { login: 'auditor', displayName: '审计员', roles: ['auditor'] });
  await addUser(setup, { login: 'staff', displayName: '员工', roles: ['staff'] });
  roomA = (await ok(setup, 'location:create', { parentId: null, code: 'A', name: '一号库房' })).id;
  roomB = (await ok(setup, 'location:create', { parentId: null, code: 'B', name: '二号库房' })).id;
  await ok(setup, 'location:create', { parentId: roomA, code: '01', name: '1号柜' });
  plain = (await ok(setup, 'dossier:create', { title: '张三 新车档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  secret = (await ok(setup, 'dossier:create', { title: '王五 秘密合同', level: 2, departmentCode: 'XSB' })).archiveNumber;
  await setup.close();
  core = testCore(dir, { now: () => now });
  await asUser('clerk');
}, 60_000);

describe('the inspection plan', () => {
  it('adds months keeping the day, or the month’s last', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(planState('2026-07-15', '2026-06-01')).toBe('ok');
    expect(planState('2026-07-15', '2026-06-15')).toBe('due');
    expect(planState('2026-07-15', '2026-07-15')).toBe('due');
    expect(planState('2026-07-15', '2026-07-16')).toBe('overdue');
  });

  it('with no rooms set up, the whole store falls due one interval after the archive was made, and is overdue after', async () => {
    let at = new Date('2026-01-10T09:00:00+08:00');
    const bare = await newArchive(join(suiteDir(), 'bare'), { now: () => at });
    expect((await ok(bare, 'inspection:plan', {})).places.map((p) => [p.place.name, p.dueOn, p.state])).toEqual([['全部库房', '2026-07-10', 'ok']]);
    at = new Date('2028-01-10T09:00:00+08:00');
    await switchTo(bare, ADMIN.login, ADMIN.password);
    expect((await ok(bare, 'inspection:plan', {})).places.map((p) => [p.dueOn, p.state])).toEqual([['2026-07-10', 'overdue']]);
    await bare.close();
  });

  it('is due half a year after the last inspection (of the room or the whole store), quarterly when so set, and overdue after', async () => {
    await clockAt('2026-01-20T09:00:00+08:00');
    let plan = await ok(core, 'inspection:plan', {});
    expect(plan.interval).toBe('half-year');
    // Never inspected: due one interval after the room was set up; a cabinet is not a place of its own.
    expect(plan.places.map((p) => [p.place.code, p.lastInspectedOn, p.dueOn, p.state])).toEqual([
      ['A', null, '2026-07-10', 'ok'],
      ['B', null, '2026-07-10', 'ok'],
    ]);
    await inspected(roomA, '2026-01-15');
    await clockAt('2026-07-11T09:00:00+08:00');
    plan = await ok(core, 'inspection:plan', {});
    expect(plan.places.map((p) => [p.place.code, p.lastInspectedOn, p.dueOn, p.state])).toEqual([
      ['A', '2026-01-15', '2026-07-15', 'due'],
      ['B', null, '2026-07-10', 'overdue'],
    ]);
    // The stricter text (ST-05): every quarter.
    await asUser(ADMIN.login);
    await ok(core, 'settings:update', { inspectionInterval: 'quarter' });
    await asUser('clerk');
    plan = await ok(core, 'inspection:plan', {});
    expect(plan.places.map((p) => [p.place.code, p.dueOn, p.state])).toEqual([
      ['A', '2026-04-15', 'overdue'],
      ['B', '2026-04-10', 'overdue'],
    ]);
    // An inspection of the whole store counts for every room; an open one is shown.
    await inspected(null, '2026-07-11');
    const open = await ok(core, 'inspection:start', { locationId: roomB });
    plan = await ok(core, 'inspection:plan', {});
    expect(plan.places.map((p) => [p.place.code, p.lastInspectedOn, p.dueOn, p.state, p.openInspectionId])).toEqual([
      ['A', '2026-07-11', '2026-10-11', 'ok', null],
      ['B', '2026-07-11', '2026-10-11', 'ok', open.id],
    ]);
    expect(await call(core, 'inspection:start', { locationId: roomB })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`第 ${open.id} 号保管检查`) as unknown } });
    await asUser(ADMIN.login);
    await ok(core, 'settings:update', { inspectionInterval: 'half-year' });
    await asUser('clerk');
  });
});

describe('an inspection record', () => {
  let id = 0;
  let photoBytes: Uint8Array = new Uint8Array();

  it('takes a checklist, findings with photos (stored encrypted), and refuses what is not a photo', async () => {
    await clockAt('2026-07-20T10:00:00+08:00');
    ({ id } = await ok(core, 'inspection:start', { locationId: roomA }));
    // A problem needs its note; humidity its reading.
    expect(await call(core, 'inspection:save-checks', { id, checks: [{ item: 'mould', status: 'problem', reading: null, note: null }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'inspection:save-checks', { id, checks: [{ item: 'humidity', status: 'ok', reading: null, note: null }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(core, 'inspection:save-checks', { id, checks: checklist({ mould: '北墙角有霉斑', fading: '2 份字迹褪色' }).slice(0, 5) });
    // Not finished without every item.
    const early = await call(core, 'inspection:finish', { id, inspectedOn: '2026-07-20', inspectors: ['王芳'] });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('温度') as unknown } });
    await ok(core, 'inspection:save-checks', { id, checks: checklist({ mould: '北墙角有霉斑', fading: '2 份字迹褪色' }) });

    photoBytes = samplePng({ width: 64, height: 48, variant: 7 });
    const view = await ok(core, 'inspection:add-finding', { id, archiveNumber: plain, kind: 'faded', note: '合同第 3 页字迹褪色', stagedFileIds: [await stagePhoto('IMG_0042.png', photoBytes)] });
    expect(view.findingList).toMatchObject([{ archiveNumber: plain, title: '张三 新车档案', kind: 'faded', hidden: false, photos: [{ sourceName: 'IMG_0042.png', mediaType: 'image/png' }] }]);
    await ok(core, 'inspection:add-finding', { id, archiveNumber: secret, kind: 'torn', note: '封面破损', stagedFileIds: [] });
    const notPhoto = await call(core, 'inspection:add-finding', { id, archiveNumber: plain, kind: 'other', note: '', stagedFileIds: [await stagePhoto('说明.pdf', await samplePdf(1))] });
    expect(notPhoto).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('不是照片') as unknown } });
    expect(await call(core, 'inspection:add-finding', { id, archiveNumber: plain, kind: 'other', note: '', stagedFileIds: [await stagePhoto('a.png', fakeExe())] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await ok(core, 'inspection:get', { id })).findingList).toHaveLength(2);

    // Encrypted at rest: no stored file holds the photo's bytes.
    const sample = Buffer.from(photoBytes.subarray(photoBytes.length - 64));
    expect(scansIn(dir).length).toBeGreaterThan(0);
    expect(filesUnder(dir).filter((file) => readFileSync(file).includes(sample))).toEqual([]);
    const photoId = view.findingList[0]?.photos[0]?.id ?? 0;
    const thumbnail = await ok(core, 'inspection:photo', { photoId, size: 'thumbnail' });
    expect(thumbnail).toMatchObject({ mimeType: 'image/jpeg', width: 64, height: 48 });
  });

  it('is edited while open; finished once, it is a register entry: nothing changes, in the core or in the database', async () => {
    const draft = await ok(core, 'inspection:get', { id });
    const [first, second] = draft.findingList;
    if (!first || !second) throw new Error('no findings');
    await ok(core, 'inspection:edit-finding', { findingId: first.id, archiveNumber: plain, kind: 'faded', note: '合同第 3、4 页字迹褪色' });
    // A photo added later and taken off again.
    const more = await ok(core, 'inspection:add-photos', { findingId: first.id, stagedFileIds: [await stagePhoto('IMG_0043.png', samplePng({ variant: 9 }))] });
    const extra = more.findingList[0]?.photos[1]?.id ?? 0;
    expect((await ok(core, 'inspection:remove-photo', { photoId: extra })).findingList[0]?.photos).toHaveLength(1);
    // Repairs wait for the finish.
    expect(await call(core, 'inspection:repair-order', { findingId: first.id, instructions: '托裱' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'inspection:finish', { id, inspectedOn: '2026-07-21', inspectors: ['王芳'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const done = await ok(core, 'inspection:finish', { id, inspectedOn: '2026-07-20', inspectors: ['王芳', '李强', '王芳'], remarks: '除湿机已开启' });
    expect(done).toMatchObject({ inspectedOn: '2026-07-20', inspectors: ['王芳', '李强'], remarks: '除湿机已开启', finishedBy: '档案员小王', findings: 2 });
    expect(done.checks.find((c) => c.item === 'mould')).toEqual({ item: 'mould', status: 'problem', reading: null, note: '北墙角有霉斑' });

    const refusals = [
      call(core, 'inspection:finish', { id, inspectedOn: '2026-07-20', inspectors: ['王芳'] }),
      call(core, 'inspection:save-checks', { id, checks: checklist() }),
      call(core, 'inspection:add-finding', { id, archiveNumber: plain, kind: 'torn', note: '', stagedFileIds: [] }),
      call(core, 'inspection:edit-finding', { findingId: first.id, archiveNumber: plain, kind: 'torn', note: '' }),
      call(core, 'inspection:remove-finding', { findingId: second.id }),
      call(core, 'inspection:remove-photo', { photoId: first.photos[0]?.id ?? 0 }),
    ];
    for (const refusal of await Promise.all(refusals)) expect(refusal).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已于 2026-07-20 完成') as unknown } });

    // The triggers hold even for whoever opens the database with the key.
    const raw = await openRawDatabase(dir, 'clerk', 'clerk-password-1');
    try {
      for (const statement of [
        `UPDATE inspections SET location_id = NULL WHERE id = ${id}`,
        `DELETE FROM inspection_finishes WHERE inspection_id = ${id}`,
        `UPDATE inspection_checks SET status = 'ok' WHERE inspection_id = ${id}`,
        `DELETE FROM inspection_checks WHERE inspection_id = ${id}`,
        `INSERT INTO inspection_checks (inspection_id, item, status) VALUES (${id}, 'dust', 'ok')`,
        `UPDATE inspection_findings SET note = '' WHERE inspection_id = ${id}`,
        `DELETE FROM inspection_photos`,
        `INSERT INTO inspection_findings (inspection_id, dossier_id, kind, note, recorded_by, recorded_at) VALUES (${id}, 1, 'other', '', 1, '')`,
      ]) {
        expect(() => raw.prepare(statement).run(), statement).toThrow(/append-only|finished|has photos/);
      }
    } finally {
      raw.close();
    }
  });

  it('orders a repair per finding and records its outcome once; each is its own entry', async () => {
    const [first] = (await ok(core, 'inspection:get', { id })).findingList;
    if (!first) throw new Error('no finding');
    const ordered = await ok(core, 'inspection:repair-order', { findingId: first.id, instructions: '送修复室托裱、字迹加固' });
    const order = ordered.findingList[0]?.repair;
    expect(order).toMatchObject({ instructions: '送修复室托裱、字迹加固', orderedBy: '档案员小王', outcome: null });
    expect(ordered.openRepairs).toBe(1);
    expect(await call(core, 'inspection:repair-order', { findingId: first.id, instructions: '再来一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Replaced by a copy or irreparable: say how.
    expect(await call(core, 'inspection:repair-outcome', { orderId: order?.id ?? 0, outcome: 'irreparable', repairedBy: '赵师傅', repairedOn: '2026-07-20' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'inspection:repair-outcome', { orderId: order?.id ?? 0, outcome: 'repaired', repairedBy: '赵师傅', repairedOn: '2026-07-19' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await clockAt('2026-07-25T10:00:00+08:00');
    const repaired = await ok(core, 'inspection:repair-outcome', { orderId: order?.id ?? 0, outcome: 'repaired', note: '已托裱', repairedBy: '赵师傅', repairedOn: '2026-07-24' });
    expect(repaired.findingList[0]?.repair?.outcome).toMatchObject({ outcome: 'repaired', note: '已托裱', repairedBy: '赵师傅', repairedOn: '2026-07-24', recordedBy: '档案员小王' });
    expect(repaired.openRepairs).toBe(0);
    expect(await call(core, 'inspection:repair-outcome', { orderId: order?.id ?? 0, outcome: 'copy', note: 'x', repairedBy: '赵师傅', repairedOn: '2026-07-24' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const raw = await openRawDatabase(dir, 'clerk', 'clerk-password-1');
    try {
      expect(() => raw.prepare(`UPDATE repair_outcomes SET outcome = 'copy'`).run()).toThrow(/append-only/);
      expect(() => raw.prepare(`DELETE FROM repair_orders`).run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
    await asUser('auditor');
    const events = (await ok(core, 'audit:list', {})).items.filter((e) => e.action.startsWith('inspection:'));
    await asUser('clerk');
    const actions = events.map((e) => e.action);
    for (const action of ['inspection:start', 'inspection:save-checks', 'inspection:add-finding', 'inspection:edit-finding', 'inspection:add-photos', 'inspection:remove-photo', 'inspection:finish', 'inspection:repair-order', 'inspection:repair-outcome']) expect(actions).toContain(action);
    expectSummariesInWords(events);
    expect(events.find((e) => e.action === 'inspection:repair-outcome')?.description.zh).toContain('修复结果：已修复');
    // The inspection's own events name it as the register does: number and room.
    for (const action of ['inspection:start', 'inspection:save-checks', 'inspection:finish']) {
      expect(events.find((e) => e.action === action && e.target?.id === String(id))?.target?.label, action).toBe(`第 ${id} 号保管检查（一号库房）`);
    }
  });

  it('prints the record: header, checklist, findings with their repairs, signature lines', async () => {
    const file = await ok(core, 'inspection:print', { id });
    expect(file.fileName).toMatch(/^档案保管检查记录-\d+-/);
    const { text } = inspectPdf(file.bytes);
    for (const words of ['档案保管检查记录', '一号库房', '2026-07-20', '王芳、李强', '除湿机已开启', '湿度', '55 %RH', '18.5 ℃', '北墙角有霉斑', plain, '张三 新车档案', '字迹褪色', '已修复', '赵师傅', secret, '王五 秘密合同', '检查人', '档案室负责人']) {
      expect(text.replace(/\s+/g, ' '), words).toContain(words);
    }
  });

  it('keeps the photos through verify: checked, never collected as orphans however old, and a damaged one is found', async () => {
    const old = new Date(Date.now() - 5 * 3600_000);
    for (const file of scansIn(dir)) utimesSync(file, old, old);
    const before = scansIn(dir).sort();
    await asUser('auditor');
    const check = (await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'scans');
    expect(check).toMatchObject({ ok: true });
    expect(check?.message).not.toContain('已清理');
    expect(scansIn(dir).sort()).toEqual(before);
    // A byte flipped in the photo's stored file: verify finds it, and showing the photo is refused.
    const photoId = (await ok(core, 'inspection:get', { id })).findingList[0]?.photos[0]?.id ?? 0;
    await asUser('clerk');
    const photoFile = await photoFileOf(photoId);
    const bytes = readFileSync(photoFile);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x40;
    writeFileSync(photoFile, bytes);
    await asUser('auditor');
    const damaged = await ok(core, 'archive:verify', {});
    expect(damaged.checks.find((c) => c.name === 'scans')).toMatchObject({ ok: false });
    await asUser('clerk');
    expect(await call(core, 'inspection:photo', { photoId, size: 'view' })).toMatchObject({ ok: false, error: { code: 'SCAN_DAMAGED', message: expect.stringContaining('IMG_0042.png') as unknown } });
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x40;
    writeFileSync(photoFile, bytes);
  });
});

describe('who reads and who keeps inspections', () => {
  it('hides a finding on a dossier above the reader’s clearance: no title, note or photo, in the view and in the print', async () => {
    const [inspection] = await ok(core, 'inspection:list', {});
    if (!inspection) throw new Error('no inspection');
    const full = await ok(core, 'inspection:get', { id: inspection.id });
    await asUser('junior');
    const view = await ok(core, 'inspection:get', { id: inspection.id });
    const hidden = view.findingList.find((f) => f.archiveNumber === secret);
    expect(hidden).toMatchObject({ hidden: true, title: null, level: null, note: null, photos: [] });
    expect(view.findingList.find((f) => f.archiveNumber === plain)).toMatchObject({ hidden: false, title: '张三 新车档案' });
    const { text } = inspectPdf((await ok(core, 'inspection:print', { id: inspection.id })).bytes);
    expect(text).not.toContain('王五');
    expect(text).not.toContain('封面破损');
    expect(text.replace(/\s+/g, '')).toContain('超出打印人知悉范围');
    expect(full.findingList.find((f) => f.archiveNumber === secret)?.title).toBe('王五 秘密合同');
  });

  it('auditors read the register and do not keep it; staff neither', async () => {
    await asUser('auditor');
    const [inspection] = await ok(core, 'inspection:list', {});
    expect(inspection?.findings).toBe(2);
    await ok(core, 'inspection:plan', {});
    expect(await call(core, 'inspection:start', { locationId: roomB })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await asUser('staff');
    expect(await call(core, 'inspection:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'inspection:plan', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await asUser('clerk');
  });
});
