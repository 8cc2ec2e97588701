import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const car = { customerName: '张三', phone: '021-62345678', vin: 'LSVAU2180N2183294', deliveryDate: '2026-11-02', plate: '沪A·12345' };
const CL_A = ['greenCard', 'invoiceCopy', 'salesContract', 'idCopy', 'deliveryChecklist', 'registrationCopy', 'insuranceCopy', 'addOnServices', 'conformityCopy', 'deliveryPhotos', 'pdiChecklist'];

async function vehicleDossier() {
  const core = await newArchive(tempDir());
  const dossier = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: car });
  return { core, archiveNumber: dossier.archiveNumber };
}

describe('documents in a dossier (卷内文件) and completeness', () => {
  it('a new 新车档案 lists the 11 required CL-A items as missing; filing them makes it complete', async () => {
    const { core, archiveNumber } = await vehicleDossier();
    let detail = await ok(core, 'dossier:get', { archiveNumber });
    expect(detail.checklist).toHaveLength(12);
    expect(detail.missingItems.map((m) => m.key)).toEqual(CL_A);
    expect(detail).toMatchObject({ complete: false, missingCount: 11 });
    expect((await ok(core, 'dossier:list', {})).items[0]).toMatchObject({ complete: false, missingCount: 11 });

    for (const item of CL_A.slice(0, 10)) detail = await ok(core, 'document:add', { archiveNumber, checklistItem: item });
    expect(detail).toMatchObject({ complete: false, missingCount: 1, missingItems: [{ key: 'pdiChecklist', name: expect.stringContaining('PDI') as string }] });
    detail = await ok(core, 'document:add', { archiveNumber, checklistItem: 'pdiChecklist', pages: 2 });
    expect(detail).toMatchObject({ complete: true, missingCount: 0, missingItems: [] });
    expect((await ok(core, 'dossier:list', {})).items[0]).toMatchObject({ complete: true, missingCount: 0 });

    // The checklist item gives the title and the expected form (copies for the copy items).
    const invoice = detail.documents.find((d) => d.checklistItem === 'invoiceCopy');
    expect(invoice).toMatchObject({ form: 'copy', pages: 1 });
    expect(invoice?.title).toMatch(/发票/);

    // Taking the only document of a required item out makes the dossier incomplete again.
    const pdi = detail.documents.find((d) => d.checklistItem === 'pdiChecklist');
    detail = await ok(core, 'document:remove', { id: pdi?.id ?? 0 });
    expect(detail).toMatchObject({ complete: false, missingItems: [{ key: 'pdiChecklist' }] });
    await core.close();
  });

  it('keeps sequence numbers in order within a group, and reorders them by drag', async () => {
    const core = await newArchive(tempDir());
    const flat = { customerName: '赵六', phone: '13700137000', garden: '翠苑', building: '3', unit: '2', room: '1501' };
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'property', fields: flat });
    await ok(core, 'document:add', { archiveNumber, checklistItem: 'subscription' });
    await ok(core, 'document:add', { archiveNumber, checklistItem: 'saleContract' });
    await ok(core, 'document:add', { archiveNumber, checklistItem: 'repairRecords' });
    let detail = await ok(core, 'document:add', { archiveNumber, title: '补充协议', groupKey: 'sales' });
    const sales = () => detail.documents.filter((d) => d.groupKey === 'sales').map((d) => [d.position, d.title]);
    expect(sales().map(([p]) => p)).toEqual([1, 2, 3]);
    expect(detail.documents.find((d) => d.groupKey === 'repair')?.position).toBe(1);

    const ids = detail.documents.filter((d) => d.groupKey === 'sales').map((d) => d.id);
    detail = await ok(core, 'document:reorder', { archiveNumber, groupKey: 'sales', order: [ids[2] ?? 0, ids[0] ?? 0, ids[1] ?? 0] });
    expect(sales()).toEqual([
      [1, '补充协议'],
      [2, expect.stringContaining('认购') as string],
      [3, expect.stringContaining('合同') as string],
    ]);
    // An order that leaves out or adds a document is refused and changes nothing.
    expect(await call(core, 'document:reorder', { archiveNumber, groupKey: 'sales', order: [ids[0] ?? 0, ids[1] ?? 0] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'document:add', { archiveNumber, title: 'x', groupKey: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'document:add', { archiveNumber, checklistItem: 'greenCard' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(sales()).toEqual((await ok(core, 'dossier:get', { archiveNumber })).documents.filter((d) => d.groupKey === 'sales').map((d) => [d.position, d.title]));
    await core.close();
  });

  it('corrects a document: title, date, original or copy, pages, remarks, and its group (to the end of it)', async () => {
    const core = await newArchive(tempDir());
    const flat = { customerName: '赵六', phone: '13700137000', garden: '翠苑', building: '3', unit: '2', room: '1501' };
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'property', fields: flat });
    await ok(core, 'document:add', { archiveNumber, checklistItem: 'subscription' });
    await ok(core, 'document:add', { archiveNumber, title: '维修单', groupKey: 'sales' });
    let detail = await ok(core, 'document:add', { archiveNumber, checklistItem: 'repairRecords' });
    const misfiled = detail.documents.find((d) => d.title === '维修单');
    if (!misfiled) throw new Error('no document');
    detail = await ok(core, 'document:update', { id: misfiled.id, groupKey: 'repair', title: '维修单（2026-10）', docDate: '2026-10-08', form: 'copy', pages: 3, remarks: '复印件' });
    const moved = detail.documents.find((d) => d.id === misfiled.id);
    expect(moved).toMatchObject({ groupKey: 'repair', position: 2, title: '维修单（2026-10）', docDate: '2026-10-08', form: 'copy', pages: 3, remarks: '复印件' });
    expect(detail.documents.filter((d) => d.groupKey === 'sales').map((d) => d.position)).toEqual([1]);
    expect(await call(core, 'document:update', { id: misfiled.id, groupKey: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'document:update', { id: misfiled.id, docDate: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const [event] = (await ok(core, 'audit:list', { action: 'document:update' })).items;
    expect(event?.summary).toMatchObject({ before: { title: '维修单', groupKey: 'sales', pages: 1 }, after: { title: '维修单（2026-10）', groupKey: 'repair', pages: 3 } });
    await core.close();
  });

  it('a dossier takes the highest level of its documents, and is never classified below it', async () => {
    const { core, archiveNumber } = await vehicleDossier();
    await addUser(core, { login: 'scanner', roles: ['scanner'], clearance: 4 });
    let detail = await ok(core, 'document:add', { archiveNumber, title: '诉讼材料', level: 3 });
    expect(detail).toMatchObject({ level: 3, remark: '机密', storedSeparately: true, documentsLevel: 3, custodian: { login: 'admin' } });
    expect(await call(core, 'dossier:classify', { archiveNumber, level: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('卷内文件') as string } });
    // Lowering the document allows lowering the dossier.
    const secret = detail.documents[0]?.id ?? 0;
    await ok(core, 'document:update', { id: secret, level: 1 });
    detail = await ok(core, 'dossier:classify', { archiveNumber, level: 1, storedSeparately: false });
    expect(detail).toMatchObject({ level: 1, documentsLevel: 1 });

    // Raising a dossier by a document is a classification: the scanner (no 定密 permission) may not.
    await switchTo(core, 'scanner');
    expect(await call(core, 'document:add', { archiveNumber, title: '内部文件', level: 2 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    detail = await ok(core, 'document:add', { archiveNumber, title: '交车照片' });
    expect(detail).toMatchObject({ level: 1 });
    expect(detail.documents.at(-1)).toMatchObject({ level: 1, title: '交车照片' });
    await core.close();
  });

  it('records every change to the documents against the dossier', async () => {
    const { core, archiveNumber } = await vehicleDossier();
    const added = await ok(core, 'document:add', { archiveNumber, checklistItem: 'greenCard' });
    const id = added.documents[0]?.id ?? 0;
    await ok(core, 'document:update', { id, pages: 3, remarks: '原件已核对' });
    await ok(core, 'document:remove', { id });
    const events = (await ok(core, 'audit:list', { action: 'document:' })).items;
    expect(events.map((e) => e.action).sort()).toEqual(['document:add', 'document:remove', 'document:update']);
    expect(events.every((e) => e.target?.label === archiveNumber)).toBe(true);
    expect(events.find((e) => e.action === 'document:update')?.summary).toMatchObject({ before: { pages: 1, remarks: null }, after: { pages: 3, remarks: '原件已核对' } });
    await core.close();
  });

  it('a document of a dossier the reader cannot see does not exist for them', async () => {
    const { core, archiveNumber } = await vehicleDossier();
    const detail = await ok(core, 'document:add', { archiveNumber, title: '机密附件', level: 3 });
    await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
    await addUser(core, { login: 'clerk', roles: ['clerk'], departmentCode: 'XSB', clearance: 2 });
    await switchTo(core, 'clerk');
    const id = detail.documents[0]?.id ?? 0;
    for (const attempt of [call(core, 'document:update', { id, title: 'x' }), call(core, 'document:remove', { id }), call(core, 'document:add', { archiveNumber, title: 'x' })]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    await core.close();
  });
});
