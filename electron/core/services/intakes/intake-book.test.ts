import { beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../../shared/contract';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
/** The clock of the core under test, moved by the tests: the days around the 2026 National Day holiday. */
let now = new Date('2026-10-09T10:00:00+08:00');
let core: Core;
let vin = 0;
const vehicle = (deliveryDate: string) => ({ customerName: '张三', phone: '13800138000', vin: `LSVAU2180N${String((vin += 1)).padStart(7, '0')}`, deliveryDate });
const signatures = { handedBySignature: { name: '销售小李' }, receiverSignature: { name: '档案员小王', image: 'data:image/png;base64,iVBORw0KGgo=' } };

/** Moves the clock (days at a time: the idle lock has long struck) and signs the clerk in again. */
async function at(time: string): Promise<void> {
  now = new Date(time);
  await switchTo(core, 'clerk');
}

async function newVehicleDossier(deliveryDate: string): Promise<string> {
  return (await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: vehicle(deliveryDate), departmentCode: 'XSB' })).archiveNumber;
}

function intake(dossiers: InputOf<'intake:add'>['dossiers'], extra: Partial<InputOf<'intake:add'>> = {}): InputOf<'intake:add'> {
  return { fromDepartment: 'XSB', handedBy: { name: '销售小李', login: 'li' }, dossiers, ...signatures, ...extra };
}

beforeAll(async () => {
  const dir = suiteDir();
  const setup = await newArchive(dir);
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(setup, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'audit', displayName: '审计小赵', roles: ['auditor'] });
  await setup.close();
  core = testCore(dir, { now: () => now });
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
  await at('2026-10-09T10:00:00+08:00');
});

describe('the intake book (签收簿): deadlines in working days', () => {
  it('runs a new-vehicle deadline across National Day: delivered Tue 29 Sep, due Fri 9 Oct – on time that day', async () => {
    const archiveNumber = await newVehicleDossier('2026-09-29');
    const entry = await ok(core, 'intake:add', intake([{ archiveNumber }]));
    expect(entry.dossiers).toEqual([
      expect.objectContaining({ archiveNumber, triggerDate: '2026-09-29', triggerField: { key: 'deliveryDate', label: '交车日期' }, deadline: '2026-10-09', workdaysLate: 0, missingCount: 0 }),
    ]);
    expect(entry).toMatchObject({ workdaysLate: 0, fromDepartment: { code: 'XSB' }, handedBy: { name: '销售小李', user: { login: 'li' } }, receivedBy: { login: 'clerk' }, receiverSignature: { name: '档案员小王', drawn: true } });
    // Every required item of the type is recorded present unless named missing.
    expect(entry.dossiers[0]?.items).toHaveLength(11);
    expect(entry.dossiers[0]?.items.every((item) => item.status === 'present')).toBe(true);
    expect((await ok(core, 'intake:get', { id: entry.id })).drawnSignatures).toEqual({ handedBy: null, receiver: 'data:image/png;base64,iVBORw0KGgo=' });
  });

  it('marks a late hand-over with its working days late: due Thu 8 Oct, handed over Mon 12 Oct – Fri 9, the make-up Saturday 10 and Mon 12', async () => {
    await at('2026-10-12T15:00:00+08:00');
    const archiveNumber = await newVehicleDossier('2026-09-28');
    const entry = await ok(core, 'intake:add', intake([{ archiveNumber }]));
    expect(entry.dossiers[0]).toMatchObject({ deadline: '2026-10-08', workdaysLate: 3 });
    expect(entry.workdaysLate).toBe(3);

    // A trigger date given at the hand-over wins over the field; after-sales has 1 working day.
    const service = await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '王五', phone: '13900139000', plate: '沪A12345', serviceDate: '2026-09-30' }, departmentCode: 'XSB' });
    const given = await ok(core, 'intake:add', intake([{ archiveNumber: service.archiveNumber, triggerDate: '2026-10-09' }], { handedOverAt: '2026-10-10T09:00:00+08:00' }));
    expect(given.dossiers[0]).toMatchObject({ triggerDate: '2026-10-09', triggerField: null, deadline: '2026-10-10', workdaysLate: 0 });

    const late = await ok(core, 'intake:list', { late: true });
    expect(late.intakes.map((i) => [i.dossiers[0]?.archiveNumber, i.workdaysLate])).toEqual([[archiveNumber, 3]]);
    expect((await ok(core, 'intake:list', { from: '2026-10-10', to: '2026-10-10' })).intakes.map((i) => i.id)).toEqual([given.id]);
  });

  it('takes the deadlines from the settings, per type', async () => {
    await switchTo(core, ADMIN.login, ADMIN.password);
    const { intakeDeadlines } = await ok(core, 'settings:get', {});
    await ok(core, 'settings:update', { intakeDeadlines: { ...intakeDeadlines, 'vehicle-new': { triggerField: 'deliveryDate', workdays: 5 } } });
    await at('2026-10-12T16:00:00+08:00');
    const archiveNumber = await newVehicleDossier('2026-09-28');
    const entry = await ok(core, 'intake:add', intake([{ archiveNumber }]));
    expect(entry.dossiers[0]).toMatchObject({ deadline: '2026-10-10', workdaysLate: 1 });
    await switchTo(core, ADMIN.login, ADMIN.password);
    await ok(core, 'settings:update', { intakeDeadlines });
  });
});

describe('shortages (资料不齐)', () => {
  let archiveNumber = '';

  it('stay open on the dossier and in the list until a later intake marks them present', async () => {
    await at('2026-10-13T09:00:00+08:00');
    archiveNumber = await newVehicleDossier('2026-10-12');
    const first = await ok(core, 'intake:add', intake([{ archiveNumber, missing: ['invoiceCopy', '保险单复印件', '身份证复印件'] }], { shortageNote: '发票、保险单、身份证复印件后补' }));
    expect(first.dossiers[0]?.items.filter((i) => i.status === 'missing').map((i) => i.key)).toEqual(['invoiceCopy', 'idCopy', 'insuranceCopy']);
    expect(first).toMatchObject({ missingCount: 3, shortageNote: '发票、保险单、身份证复印件后补' });
    const open = async () => (await ok(core, 'intake:shortages', { archiveNumber })).shortages.map((s) => [s.item.key, s.since.intakeId, s.lastNoted.intakeId]);
    expect(await open()).toEqual([
      ['idCopy', first.id, first.id],
      ['insuranceCopy', first.id, first.id],
      ['invoiceCopy', first.id, first.id],
    ]);
    expect((await ok(core, 'intake:shortages', {})).shortages.filter((s) => s.archiveNumber === archiveNumber)).toHaveLength(3);

    // The invoice and the ID copy come; the insurance copy is still missing – open since the first intake.
    await at('2026-10-14T09:00:00+08:00');
    const second = await ok(core, 'intake:add', intake([{ archiveNumber, missing: ['insuranceCopy'] }]));
    expect(await open()).toEqual([['insuranceCopy', first.id, second.id]]);

    // An auditor reads the same list; a third hand-over with nothing missing closes it.
    await switchTo(core, 'audit');
    expect((await ok(core, 'intake:shortages', { archiveNumber })).total).toBe(1);
    await at('2026-10-15T09:00:00+08:00');
    await ok(core, 'intake:add', intake([{ archiveNumber }]));
    expect(await open()).toEqual([]);
    expect((await ok(core, 'intake:list', { archiveNumber })).intakes).toHaveLength(3);
  });

  it('a correction replaces the entry it corrects: its shortages give way to the correction’s, and it is corrected once only', async () => {
    const wrong = await ok(core, 'intake:add', intake([{ archiveNumber, missing: ['pdiChecklist'] }]));
    expect((await ok(core, 'intake:shortages', { archiveNumber })).shortages.map((s) => s.item.key)).toEqual(['pdiChecklist']);
    const corrected = await ok(core, 'intake:add', intake([{ archiveNumber }], { corrects: wrong.id, shortageNote: '更正：PDI 检查表已交' }));
    expect(corrected.corrects).toBe(wrong.id);
    expect((await ok(core, 'intake:shortages', { archiveNumber })).shortages).toEqual([]);
    expect((await ok(core, 'intake:get', { id: wrong.id })).correctedBy).toBe(corrected.id);
    expect(await call(core, 'intake:add', intake([{ archiveNumber }], { corrects: wrong.id }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('a dossier opened at the hand-over', () => {
  it('is opened through dossier:create in the same transaction, filed under the handing department, and both are audited', async () => {
    const entry = await ok(core, 'intake:add', intake([{ open: { typeKey: 'vehicle-new', fields: vehicle('2026-10-14') }, missing: ['deliveryPhotos'] }]));
    const [line] = entry.dossiers;
    expect(line).toMatchObject({ openedHere: true, type: { key: 'vehicle-new', name: '新车档案' }, deadline: '2026-10-19', workdaysLate: 0, missingCount: 1 });
    const dossier = await ok(core, 'dossier:get', { archiveNumber: line?.archiveNumber ?? '' });
    expect(dossier).toMatchObject({ department: { code: 'XSB' }, type: { key: 'vehicle-new' } });
    const history = (await ok(core, 'dossier:history', { archiveNumber: dossier.archiveNumber })).items.map((e) => e.action);
    expect(history).toEqual(['intake:receive', 'dossier:create']);
    await switchTo(core, 'audit');
    const [added] = (await ok(core, 'audit:list', { action: 'intake:add' })).items;
    expect(added?.summary).toMatchObject({ department: 'XSB', dossiers: 1, missing: 1 });
    await at('2026-10-15T10:00:00+08:00');
  });

  it('is not kept when the intake is refused: nothing is half-written', async () => {
    const before = (await ok(core, 'dossier:list', {})).total;
    const refused = await call(core, 'intake:add', intake([{ open: { typeKey: 'vehicle-new', fields: vehicle('2026-10-14') } }, { archiveNumber: 'XC-2026-999999' }]));
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'dossiers.1.archiveNumber' }] } });
    expect((await ok(core, 'dossier:list', {})).total).toBe(before);
    // The new dossier's own problems are named where they sit in the intake.
    const badVin = await call(core, 'intake:add', intake([{ open: { typeKey: 'vehicle-new', fields: { ...vehicle('2026-10-14'), vin: 'ABC' } } }]));
    expect(badVin).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'dossiers.0.open.fields.vin' }] } });
  });
});

describe('the book is append-only', () => {
  it('refuses an edit or a deletion of an entry or its dossiers', async () => {
    await core.close();
    const raw = await openRawDatabase(suiteDir(), ADMIN.login, ADMIN.password);
    expect(() => raw.prepare("UPDATE intakes SET handed_by_name = '别人'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM intakes').run()).toThrow(/append-only/);
    expect(() => raw.prepare('UPDATE intake_dossiers SET workdays_late = 0').run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM intake_dossiers').run()).toThrow(/append-only/);
    raw.close();
  });
});
