import { describe, expect, it } from 'vitest';
import { describeSummary } from './audit-actions';

describe('audit summaries in words', () => {
  it('names known keys, nests before/after, and keeps unknown keys as recorded', () => {
    expect(describeSummary({ title: '张三 新车档案', level: '机密', department: 'XSB' })).toBe('题名：张三 新车档案；密级：机密；部门：XSB');
    expect(describeSummary({ before: { level: '内部' }, after: { level: '机密' } })).toBe('修改前：（密级：内部）；修改后：（密级：机密）');
    expect(describeSummary({ roles: ['clerk', 'scanner'], storedSeparately: true }, 'en')).toBe('roles: Archive clerk, Scanning staff; stored separately: yes');
    expect(describeSummary({ somethingNew: 3 })).toBe('somethingNew：3');
    expect(describeSummary(null)).toBe('');
    expect(describeSummary({ reason: 'idle' })).toBe('原因：闲置自动锁定');
    expect(describeSummary({ reason: 'wrong-password' }, 'en')).toBe('reason: wrong password');
    expect(describeSummary({ other: 'SH-2026-000001', relation: 'sales-service', note: null })).toBe('对方档号：SH-2026-000001；关系：销售转售后（新车档案 → 售后档案）；说明：—');
    expect(describeSummary({ relation: 'something-else' }, 'en')).toBe('relation: something-else');
  });

  it('says codes in words, moments in local time, and lists kept as JSON as lists', () => {
    expect(describeSummary({ carrier: 'both', form: 'copy', kind: 'organisation' })).toBe('载体：纸质和电子；原件/复印件：复印件；类型：单位');
    const at = new Date(2026, 10, 2, 9, 30);
    expect(describeSummary({ validUntil: at.toISOString() })).toBe('有效至：2026-11-02 09:30');
    expect(describeSummary({ after: { phones: '["13800138000","021-62345678"]' } })).toBe('修改后：（电话：13800138000、021-62345678）');
  });

  it('takes the names only the archive knows: types, departments, levels, field labels', () => {
    const names = {
      value: (key: string, value: string | number) => (key === 'department' && value === 'XSB' ? { zh: '销售部（XSB）', en: 'Sales (XSB)' } : key === 'clearance' && value === 3 ? { zh: '机密', en: '机密' } : null),
      label: (parent: string, key: string) => (parent === 'fields' && key === 'idNumber' ? { zh: '身份证号', en: 'ID number' } : null),
    };
    expect(describeSummary({ department: 'XSB', clearance: 3, fields: { idNumber: '***' } }, 'zh', names)).toBe('部门：销售部（XSB）；知悉范围：机密；字段：（身份证号：***）');
    expect(describeSummary({ department: 'XSB', fields: { idNumber: '***' } }, 'en', names)).toBe('department: Sales (XSB); fields: (ID number: ***)');
  });
});
