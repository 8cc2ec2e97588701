import { describe, expect, it } from 'vitest';
import { describeSummary } from './audit-actions';

describe('audit summaries in words', () => {
  it('names known keys, nests before/after, and keeps unknown keys as recorded', () => {
    expect(describeSummary({ title: '张三 新车档案', level: '机密', department: 'XSB' })).toBe('题名：张三 新车档案；密级：机密；部门：XSB');
    expect(describeSummary({ before: { level: '内部' }, after: { level: '机密' } })).toBe('修改前：（密级：内部）；修改后：（密级：机密）');
    expect(describeSummary({ roles: ['clerk', 'scanner'], storedSeparately: true }, 'en')).toBe('roles: clerk, scanner; stored separately: yes');
    expect(describeSummary({ somethingNew: 3 })).toBe('somethingNew：3');
    expect(describeSummary(null)).toBe('');
    expect(describeSummary({ reason: 'idle' })).toBe('原因：闲置自动锁定');
    expect(describeSummary({ reason: 'wrong-password' }, 'en')).toBe('reason: wrong password');
    expect(describeSummary({ other: 'SH-2026-000001', relation: 'sales-service', note: null })).toBe('对方档号：SH-2026-000001；关系：销售转售后（新车档案 → 售后档案）；说明：—');
    expect(describeSummary({ relation: 'something-else' }, 'en')).toBe('relation: something-else');
  });
});
