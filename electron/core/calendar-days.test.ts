import { beforeAll, describe, expect, it } from 'vitest';
import { call, newArchive, ok, openSheet } from '../../tests/helpers/core';
import { useSuiteTempDir } from '../../tests/helpers/temp-dir';
import type { Core } from './core';

const IMPOSSIBLE = ['2026-02-30', '2026-13-45'];

const suiteDir = useSuiteTempDir();
let core: Core;
let archiveNumber: string;
let customerId: number;

const vehicle = (deliveryDate: string) => ({
  typeKey: 'vehicle-new',
  fields: { customerName: '张三', phone: '13800138000', vin: 'LSVAU2180N0000001', plate: '沪A12345', deliveryDate },
});

/** The paths of the issues a call is refused with (VALIDATION), or the code it succeeded or failed otherwise with. */
async function refusedAt(channel: Parameters<typeof call>[1], input: unknown): Promise<string[] | string> {
  const result = await call(core, channel, input as never);
  if (result.ok) return 'accepted';
  return result.error.code === 'VALIDATION' ? (result.error.issues ?? []).map((i) => i.path) : result.error.code;
}

beforeAll(async () => {
  core = await newArchive(suiteDir());
  archiveNumber = (await ok(core, 'dossier:create', vehicle('2026-11-02'))).archiveNumber;
  customerId = (await ok(core, 'customer:create', { kind: 'person', name: '李四', phones: [] })).id;
});

describe('an impossible date', () => {
  it.each(IMPOSSIBLE)('%s is refused wherever a date is typed', async (day) => {
    expect(await refusedAt('document:add', { archiveNumber, title: '购车发票', docDate: day })).toEqual(['docDate']);
    expect(await refusedAt('customer:add-record', { id: customerId, kind: 'call', recordedOn: day, text: '来电' })).toEqual(['recordedOn']);
    expect(await refusedAt('dossier:update', { archiveNumber, fields: { deliveryDate: day } })).toEqual(['fields.deliveryDate']);
    expect(await refusedAt('dossier:update', { archiveNumber, openedOn: day })).toEqual(['openedOn']);
    expect(await refusedAt('dossier:list', { filters: { openedFrom: day } })).toEqual(['filters.openedFrom']);
    expect(await refusedAt('audit:list', { from: day })).toEqual(['from']);
    expect(await refusedAt('audit:list', { to: `${day}T10:00:00Z` })).toEqual(['to']);
  });

  it('is refused as an hour too: the audit trail’s bounds are real times', async () => {
    expect(await refusedAt('audit:list', { from: '2026-02-28T24:00Z' })).toEqual(['from']);
    expect(await refusedAt('audit:list', { to: '2026-02-28T23:60:00Z' })).toEqual(['to']);
    expect(await refusedAt('audit:list', { from: '2026-02-28', to: '2026-02-28T23:59:59+08:00' })).toBe('accepted');
  });

  it('in an imported row is reported by its row and column', async () => {
    const rows = [
      ['客户名称', '联系电话', '车架号（VIN）', '车牌号', '交车日期', '建档日期'],
      ['王五', '13800138020', 'LSVAU2180N0000020', '浙B12345', '2026-02-30', '2026-11-02'],
      ['赵六', '13800138021', 'LSVAU2180N0000021', '浙B12346', '2026-11-02', '2026-13-45'],
    ];
    const opened = await openSheet(core, 'dates.csv', new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n')));
    const check = await ok(core, 'import:check', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(check.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '交车日期'],
      [3, '建档日期'],
    ]);
  });
});
