import { describe, expect, it } from 'vitest';
import { ADMIN, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const vehicle = (vin: string) => ({ customerName: '张三', phone: '13800138000', vin, deliveryDate: '2026-11-02' });
const vin = (n: number) => `LSVAU2180N${String(n).padStart(7, '0')}`;

/** A clock the test moves; moving it past the idle time locks the session, so sign in again. */
function clock(start: string) {
  let current = new Date(start);
  return { now: () => current, set: (at: string) => (current = new Date(at)) };
}

async function numbers(core: Awaited<ReturnType<typeof newArchive>>, count: number, input: () => Parameters<typeof ok<'dossier:create'>>[2]): Promise<string[]> {
  const made: string[] = [];
  for (let i = 0; i < count; i += 1) made.push((await ok(core, 'dossier:create', input())).archiveNumber);
  return made;
}

describe('archive numbering (档号)', () => {
  it('numbers each type by its rule, per year, and previews the next number without taking it', async () => {
    const time = clock('2026-11-15T10:00:00+08:00');
    const core = await newArchive(tempDir(), { now: time.now });
    expect(await ok(core, 'dossier:preview-number', { typeKey: 'vehicle-new' })).toEqual({ archiveNumber: 'XC-2026-000001' });
    expect(await ok(core, 'dossier:preview-number', { typeKey: 'vehicle-new' })).toEqual({ archiveNumber: 'XC-2026-000001' });
    let n = 0;
    expect(await numbers(core, 3, () => ({ typeKey: 'vehicle-new', fields: vehicle(vin((n += 1))) }))).toEqual(['XC-2026-000001', 'XC-2026-000002', 'XC-2026-000003']);
    expect(await ok(core, 'dossier:preview-number', { typeKey: 'vehicle-new' })).toEqual({ archiveNumber: 'XC-2026-000004' });
    // Another type keeps its own running number; plain dossiers keep theirs.
    expect((await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '李四', phone: '13900139000', plate: '沪A12345', serviceDate: '2026-11-15' } })).archiveNumber).toBe(
      'SH-2026-000001',
    );
    expect((await ok(core, 'dossier:create', { title: '综合档案' })).archiveNumber).toBe('KH-2026-000001');

    time.set('2027-01-10T10:00:00+08:00');
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect((await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: vehicle(vin(99)) })).archiveNumber).toBe('XC-2027-000001');
    await core.close();
  });

  it('starts the running number again every month with {mm} (事件档案 SJ{yy}{mm}{seq:3})', async () => {
    const time = clock('2026-11-15T10:00:00+08:00');
    const core = await newArchive(tempDir(), { now: time.now });
    const incident = () => ({ typeKey: 'incident', fields: { eventDate: '2026-11-15', eventKind: '重大投诉', customerName: '王五' } });
    expect(await numbers(core, 2, incident)).toEqual(['SJ2611001', 'SJ2611002']);
    time.set('2026-12-02T10:00:00+08:00');
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(await numbers(core, 2, incident)).toEqual(['SJ2612001', 'SJ2612002']);
    await core.close();
  });

  it('builds numbers from fields (苑名-栋号-单元号-房间号) and refuses a number that is taken', async () => {
    const core = await newArchive(tempDir());
    const flat = { customerName: '赵六', phone: '13700137000', garden: '翠苑', building: '3', unit: '2', room: '1501' };
    expect(await ok(core, 'dossier:preview-number', { typeKey: 'property', fields: { garden: '翠苑', building: '3' } })).toEqual({ archiveNumber: null });
    expect(await ok(core, 'dossier:preview-number', { typeKey: 'property', fields: flat })).toEqual({ archiveNumber: '翠苑-3-2-1501' });
    const made = await ok(core, 'dossier:create', { typeKey: 'property', fields: flat });
    expect(made).toMatchObject({ archiveNumber: '翠苑-3-2-1501', title: '赵六 翠苑3栋2单元1501' });
    expect(await call(core, 'dossier:create', { typeKey: 'property', fields: { ...flat, customerName: '孙七' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.close();
  });

  it('a creation that fails takes no number', async () => {
    const core = await newArchive(tempDir(), { now: clock('2026-11-15T10:00:00+08:00').now });
    const first = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: vehicle(vin(1)) });
    expect(await call(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { ...vehicle(vin(2)), phone: '5551234' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'dossier:create', { typeKey: 'vehicle-new', fields: vehicle(vin(1)), level: 9 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const second = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: vehicle(vin(3)) });
    expect([first.archiveNumber, second.archiveNumber]).toEqual(['XC-2026-000001', 'XC-2026-000002']);
    await core.close();
  });
});
