import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, newArchive, ok, openSheet } from '../../tests/helpers/core';
import { useSuiteTempDir } from '../../tests/helpers/temp-dir';
import type { Core } from './core';

/** Text that would drive a terminal or disguise itself: an escape sequence, C1's CSI, a bidi override. */
const ESCAPE_SEQUENCE = '\u001b[2J\u001b[31m';
const C1_CSI = '\u009b';
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';

const suiteDir = useSuiteTempDir();
let core: Core;
let archiveNumber: string;
let customerId: number;

const vehicle = (i: number, fields: Record<string, string> = {}) => ({
  typeKey: 'vehicle-new',
  fields: { customerName: `客户${i}`, phone: `1380013${String(i).padStart(4, '0')}`, vin: `LSVAU2180N${String(i).padStart(7, '0')}`, plate: `沪A${10000 + i}`, deliveryDate: '2026-11-02', ...fields },
});

/** The VALIDATION error a call fails with, as `path message` of each issue. */
async function refusal(channel: Parameters<typeof call>[1], input: unknown): Promise<string[]> {
  const result = await call(core, channel, input as never);
  expect(result.ok, `${channel} should have been refused`).toBe(false);
  if (result.ok) return [];
  expect(result.error.code).toBe('VALIDATION');
  return (result.error.issues ?? []).map((i) => `${i.path} ${i.messageEn}`);
}

beforeAll(async () => {
  core = await newArchive(suiteDir());
  archiveNumber = (await ok(core, 'dossier:create', vehicle(1))).archiveNumber;
  customerId = (await ok(core, 'customer:create', { kind: 'person', name: '张三', phones: [] })).id;
});

describe('control characters in what is typed', () => {
  it('are refused in every channel’s text, naming the field', async () => {
    expect(await refusal('dossier:create', { title: `题名${ESCAPE_SEQUENCE}` })).toEqual(['title must not contain control characters (U+001B)']);
    expect(await refusal('dossier:create', vehicle(2, { plate: `沪A${RIGHT_TO_LEFT_OVERRIDE}54321` }))).toEqual(['fields.plate must not contain control characters (U+202E)']);
    expect(await refusal('dossier:update', { archiveNumber, title: `一行${C1_CSI}2J` })).toEqual(['title must not contain control characters (U+009B)']);
    expect(await refusal('document:add', { archiveNumber, title: `发票${ESCAPE_SEQUENCE}` })).toEqual(['title must not contain control characters (U+001B)']);
    expect(await refusal('customer:create', { kind: 'person', name: `李四${ESCAPE_SEQUENCE}`, phones: [] })).toEqual(['name must not contain control characters (U+001B)']);
    expect(await refusal('customer:update', { id: customerId, address: `上海\u0007` })).toEqual(['address must not contain control characters (U+0007)']);
    expect(await refusal('user:create', { login: 'clerk', displayName: `小王${ESCAPE_SEQUENCE}`, roles: ['clerk'], departmentCode: 'DAS', clearance: 1, password: 'clerk-password-1', mustChangePassword: false })).toEqual([
      'displayName must not contain control characters (U+001B)',
    ]);
    expect(await refusal('user:update', { login: ADMIN.login, displayName: `管理员${RIGHT_TO_LEFT_OVERRIDE}` })).toEqual(['displayName must not contain control characters (U+202E)']);
    expect(await refusal('department:create', { code: 'XSB', name: `销售部${ESCAPE_SEQUENCE}` })).toEqual(['name must not contain control characters (U+001B)']);
    expect(await refusal('location:create', { parentId: null, code: 'A', name: `库房\u007f` })).toEqual(['name must not contain control characters (U+007F)']);
    expect(await refusal('view:save', { name: `我的视图${ESCAPE_SEQUENCE}`, state: { columns: [] } })).toEqual(['name must not contain control characters (U+001B)']);
    // Nothing of it was stored.
    expect((await ok(core, 'dossier:list', {})).items.map((d) => d.archiveNumber)).toEqual([archiveNumber]);
  });

  it('takes tabs and line breaks only where a field has several lines: remarks, a customer record', async () => {
    expect(await refusal('dossier:update', { archiveNumber, title: '第一行\n第二行' })).toEqual(['title must be one line, without line breaks or tabs']);
    expect(await refusal('dossier:update', { archiveNumber, fields: { address: '上海市\t浦东新区' } })).toEqual(['fields.address must be one line, without line breaks or tabs']);
    expect(await refusal('dossier:update', { archiveNumber, remarks: `核对无误${ESCAPE_SEQUENCE}` })).toEqual(['remarks must not contain control characters (U+001B)']);

    const updated = await ok(core, 'dossier:update', { archiveNumber, remarks: '第一行\n第二行\t（附注）' });
    expect(updated.remarks).toBe('第一行\n第二行\t（附注）');
    const withDocument = await ok(core, 'document:add', { archiveNumber, title: '购车发票', remarks: '原件已核\r\n复印一份' });
    expect(withDocument.documents.at(-1)?.remarks).toBe('原件已核\r\n复印一份');
    const customer = await ok(core, 'customer:add-record', { id: customerId, kind: 'call', recordedOn: '2026-11-02', text: '来电咨询\n已回复' });
    expect(customer.records[0]?.text).toBe('来电咨询\n已回复');
    expect(await refusal('customer:add-record', { id: customerId, kind: 'call', recordedOn: '2026-11-02', text: `来电${C1_CSI}` })).toEqual(['text must not contain control characters (U+009B)']);
  });

  it('leaves passwords as typed: they are checked by the key slot, never shown', async () => {
    const wrong = await call(core, 'session:change-password', { currentPassword: `not-it${ESCAPE_SEQUENCE}`, newPassword: 'another-password-1' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
  });

  it('are reported in an imported row, by its row and column, through the one set of dossier rules', async () => {
    const header = ['客户名称', '联系电话', '车架号（VIN）', '车牌号', '交车日期', '备注'];
    const rows = [header, ['王五', '13800138020', 'LSVAU2180N0000020', `浙B${ESCAPE_SEQUENCE}12345`, '2026-10-01', '第一行\n第二行']];
    const text = rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');
    const opened = await openSheet(core, 'escape.csv', new TextEncoder().encode(text));
    const check = await ok(core, 'import:check', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(check).toMatchObject({ rowCount: 1, badRows: 1 });
    expect(check.problems.map((p) => [p.row, p.column, p.messageEn])).toEqual([[2, '车牌号', 'Plate must not contain control characters (U+001B)']]);
  });
});
