import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('customers: one customer, many dossiers, and a timeline', () => {
  it('files dossiers under a customer, shown from both sides; search by name, pinyin and phone', async () => {
    const core = await newArchive(tempDir());
    const customer = await ok(core, 'customer:create', { kind: 'person', name: '张三', phones: ['13800138000', '021-62345678'], address: '上海市浦东新区张江路88号', category: '重点' });
    const car = await ok(core, 'dossier:create', { title: '张三 沪A12345 新车档案' });
    const house = await ok(core, 'dossier:create', { title: '张三 翠苑3-2-1501' });
    await ok(core, 'dossier:link-customer', { archiveNumber: car.archiveNumber, customerId: customer.id });
    const detail = await ok(core, 'dossier:link-customer', { archiveNumber: house.archiveNumber, customerId: customer.id });
    expect(detail.customers).toEqual([{ id: customer.id, name: '张三', kind: 'person' }]);
    const page = await ok(core, 'customer:get', { id: customer.id });
    expect(page.dossiers.map((d) => d.archiveNumber)).toEqual([house.archiveNumber, car.archiveNumber]);
    expect(page).toMatchObject({ dossierCount: 2, phones: ['13800138000', '021-62345678'], category: '重点' });

    // Filed under the customer as it is created, in the same transaction (and recorded with it).
    const service = await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '张三', phone: '13800138000', plate: '沪A12345', serviceDate: '2026-11-20' }, customerIds: [customer.id] });
    expect((await ok(core, 'dossier:get', { archiveNumber: service.archiveNumber })).customers).toEqual([{ id: customer.id, name: '张三', kind: 'person' }]);
    const [created] = (await ok(core, 'audit:list', { archiveNumber: service.archiveNumber })).items;
    expect(created).toMatchObject({ action: 'dossier:create', summary: { customers: ['张三'] } });
    const before = (await ok(core, 'dossier:list', {})).total;
    expect(await call(core, 'dossier:create', { title: '无此客户', customerIds: [customer.id + 100] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok(core, 'dossier:list', {})).total).toBe(before);
    await ok(core, 'dossier:unlink-customer', { archiveNumber: service.archiveNumber, customerId: customer.id });

    await ok(core, 'customer:create', { kind: 'organisation', name: '浦东建设集团', phones: [], ownership: '国有', supervisingBody: '浦东新区国资委' });
    const names = async (query: string) => (await ok(core, 'customer:list', { query })).items.map((c) => c.name);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('6234')).toEqual(['张三']);
    expect(await names('浦东')).toEqual(['浦东建设集团', '张三']);
    expect(await names('pdjs')).toEqual(['浦东建设集团']);

    const unlinked = await ok(core, 'dossier:unlink-customer', { archiveNumber: car.archiveNumber, customerId: customer.id });
    expect(unlinked.customers).toEqual([]);
    expect(await call(core, 'dossier:unlink-customer', { archiveNumber: car.archiveNumber, customerId: customer.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });

  it('keeps a timeline of visits, calls, complaints and major changes, newest first; records cannot be changed', async () => {
    const core = await newArchive(tempDir());
    const customer = await ok(core, 'customer:create', { kind: 'person', name: '李四', phones: ['13912345678'] });
    await ok(core, 'customer:add-record', { id: customer.id, kind: 'visit', recordedOn: '2026-10-01', text: '上门回访，客户满意' });
    const after = await ok(core, 'customer:add-record', { id: customer.id, kind: 'major-change', recordedOn: '2026-11-15', text: '客户迁居杭州（IN-15）' });
    expect(after.records.map((r) => [r.recordedOn, r.kind, r.author])).toEqual([
      ['2026-11-15', 'major-change', '系统管理员'],
      ['2026-10-01', 'visit', '系统管理员'],
    ]);
    const bad = await call(core, 'customer:create', { kind: 'person', name: '王五', phones: ['62345678'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'phones.0' }] } });
    await core.close();
  });

  it('the ID number is masked until revealed (recorded); customers of other departments stay invisible', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
    const customer = await ok(core, 'customer:create', { kind: 'person', name: '赵六', phones: [], idCode: '31011519800101123x', departmentCode: 'XSB' });
    expect(customer.hasIdCode).toBe(true);
    expect(JSON.stringify(customer)).not.toContain('31011519800101123');
    expect(await call(core, 'customer:reveal-id', { id: customer.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await addUser(core, { login: 'clerk', roles: ['clerk'] });
    await switchTo(core, 'clerk');
    expect(await ok(core, 'customer:reveal-id', { id: customer.id })).toEqual({ idCode: '31011519800101123X' });
    await switchTo(core, 'admin', 'admin-password-1');
    const [event] = (await ok(core, 'audit:list', { action: 'customer:reveal-id' })).items;
    expect(event?.target).toMatchObject({ type: 'customer', label: '赵六' });
    const [created] = (await ok(core, 'audit:list', { action: 'customer:create' })).items;
    expect(JSON.stringify(created?.summary)).not.toContain('31011519800101123');

    await addUser(core, { login: 'other', roles: ['staff'], departmentCode: 'DAS' });
    await switchTo(core, 'other');
    expect((await ok(core, 'customer:list', {})).items).toEqual([]);
    expect(await call(core, 'customer:get', { id: customer.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });

  it('corrects every field of a customer, audited before and after; never makes a second record of one already on file', async () => {
    const core = await newArchive(tempDir());
    const zhang = await ok(core, 'customer:create', { kind: 'person', name: '张三', phones: ['13800138000'], idCode: '11010519491231002X' });
    const li = await ok(core, 'customer:create', { kind: 'person', name: '李四', phones: ['13900139000'] });
    // The same person again: by ID code, or by name and a phone in common (typed differently).
    expect(await call(core, 'customer:create', { kind: 'person', name: '张叁', phones: [], idCode: '11010519491231002x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'customer:create', { kind: 'person', name: '李四', phones: ['139 0013 9000'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'name' }] } });
    // Same name, another phone: another person.
    await ok(core, 'customer:create', { kind: 'person', name: '李四', phones: ['13700137000'] });

    const changed = await ok(core, 'customer:update', { id: zhang.id, name: '张三丰', phones: ['13800138000', '021-62345678'], address: '上海市徐汇区', contact: '张小三', category: '重点', creditStatus: '良好', remarks: '老客户' });
    expect(changed).toMatchObject({ name: '张三丰', phones: ['13800138000', '021-62345678'], address: '上海市徐汇区', contact: '张小三', category: '重点', creditStatus: '良好', remarks: '老客户' });
    const [event] = (await ok(core, 'audit:list', { action: 'customer:update' })).items;
    expect(event?.summary).toMatchObject({ before: { name: '张三', address: null, phones: '["13800138000"]' }, after: { name: '张三丰', address: '上海市徐汇区' } });
    // Changing Li into someone already on file is refused too.
    expect(await call(core, 'customer:update', { id: li.id, idCode: '11010519491231002X' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'customer:update', { id: zhang.id, phones: ['12345'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await core.close();
  });
});
