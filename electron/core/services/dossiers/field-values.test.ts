import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { defaultTypes } from '../types/default-types';
import { checkDescription, refuseIssues, type UniqueValueLookup } from './dossier-rules';
import { fieldViews, type FieldValues } from './field-values';

const vehicle = defaultTypes.find((t) => t.key === 'vehicle-new');
if (!vehicle) throw new Error('no vehicle type');
const base = { customerName: '张三', phone: '13812345678', vin: 'LSVAU2180N2123456', deliveryDate: '2026-11-20' };
const nothingHeld: UniqueValueLookup = { holder: () => null };

/** The rules every way of writing a dossier shares; refuses with VALIDATION like create and update do. */
function normaliseFieldValues(definition: typeof vehicle, input: FieldValues, existing?: FieldValues, unique = nothingHeld): FieldValues {
  const checked = checkDescription(definition!, { fields: input }, { ...(existing ? { existing } : {}), unique });
  refuseIssues(checked.issues);
  return checked.fields;
}

function problems(values: Record<string, unknown>): string[] {
  try {
    normaliseFieldValues(vehicle, values as never);
  } catch (error) {
    return error instanceof AppError ? (error.issues ?? []).map((i) => `${i.path}: ${i.message}`) : [String(error)];
  }
  return [];
}

describe('subject field values', () => {
  it('normalises by kind and role', () => {
    const values = normaliseFieldValues(vehicle, { ...base, phone: '021-6234 5678, 13812345678', vin: 'lsvau2180n2123456', plate: '沪a 12345', deliveryDate: '2026/11/2', idNumber: '11010519491231002x' });
    expect(values).toMatchObject({ phone: '021-6234 5678，13812345678', vin: 'LSVAU2180N2123456', plate: '沪A12345', deliveryDate: '2026-11-02', idNumber: '11010519491231002X' });
  });

  it('names every problem, in both languages', () => {
    expect(problems({ ...base, phone: '62345678' })).toEqual(['fields.phone: 联系电话：座机号码“62345678”需加区号']);
    expect(problems({ ...base, idNumber: '110105194912310021' })).toEqual(['fields.idNumber: 身份证号/组织机构代码：身份证号码校验位不正确']);
    expect(problems({ ...base, vin: 'LSVAU2180N212345O' })[0]).toContain('17 位');
    expect(problems({ ...base, deliveryDate: '2026-02-30' })[0]).toContain('YYYY-MM-DD');
    expect(problems({ ...base, colour: '红' })[0]).toContain('没有字段 colour');
    expect(problems({ customerName: '张三' })).toEqual(['fields.phone: 联系电话为必填项', 'fields.vin: 车架号（VIN）为必填项', 'fields.deliveryDate: 交车日期为必填项']);
  });

  it('keeps what is there and only checks the change', () => {
    const stored = normaliseFieldValues(vehicle, base);
    expect(normaliseFieldValues(vehicle, { plate: '京B99999' }, stored)).toMatchObject({ ...base, plate: '京B99999' });
    expect(() => normaliseFieldValues(vehicle, { customerName: '' }, stored)).toThrow(AppError);
  });

  it('refuses a unique value another dossier holds, but not one the dossier keeps unchanged', () => {
    const held: UniqueValueLookup = { holder: (field, value) => (field.key === 'vin' && value === base.vin ? { zh: '档案 XC-2026-000001', en: 'dossier XC-2026-000001' } : null) };
    expect(() => normaliseFieldValues(vehicle, base, undefined, held)).toThrow(/VIN LSVAU2180N2123456 is already used by dossier XC-2026-000001/);
    expect(normaliseFieldValues(vehicle, { plate: '京B99999' }, base, held)).toMatchObject({ vin: base.vin, plate: '京B99999' });
    expect(() => normaliseFieldValues(vehicle, { vin: 'lsvau2180n2123456' }, { ...base, vin: 'LSVAU2180N2999999' }, held)).toThrow(/already used by/);
  });

  it('masks sensitive values', () => {
    const views = fieldViews(vehicle, { ...base, idNumber: '11010519491231002X' });
    expect(views.find((f) => f.key === 'idNumber')).toMatchObject({ sensitive: true, masked: true, value: null });
    expect(views.find((f) => f.key === 'customerName')).toMatchObject({ masked: false, value: '张三' });
  });
});
