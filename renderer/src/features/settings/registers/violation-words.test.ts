import { describe, expect, it } from 'vitest';
import { defaultIntakeDeadlines } from '../../../../../shared/intake-deadlines';
import { defaultViolationRules } from '../../../../../shared/violation-rules';
import { deadlineWords } from './deadline-words';
import { chineseWords } from './test-translations';
import { amountWords, escalationWords, repeatWords, triggerWords, type Names } from './violation-words';

const zh = chineseWords();

const names: Names = {
  type: (key) => ({ 'vehicle-new': '新车档案', 'vehicle-service': '售后档案' })[key] ?? `${key}（无此档案类型）`,
  item: (key) => ({ deliveryChecklist: '交车检查表', pdiChecklist: '新车PDI检查表' })[key] ?? key,
  department: (code) => ({ XSB: '销售部（XSB）' })[code] ?? `${code}（本档案库无此部门）`,
};

describe('the violation rules and the intake deadlines in words (登记簿设置 · 违规、签收)', () => {
  it('says what each default rule looks for, its fine and whether it repeats', () => {
    expect(defaultViolationRules.rules.map((rule) => [rule.code, triggerWords(rule, names, zh), amountWords(rule, zh), repeatWords(rule, zh)])).toEqual([
      ['PN-01', '逾期移交；限新车档案', '50.00 元/份', '不重复计罚'],
      ['PN-02', '移交缺件；限新车档案；材料：交车检查表、新车PDI检查表', '20.00 元/项', '1 个工作日内未改正的，此后每个工作日重复计一次'],
      ['PN-04', '逾期移交；限售后档案', '50.00 元/份', '不重复计罚'],
      ['PN-05', '移交缺件；限售后档案；材料：receptionSheet、repairOrder、settlement、inspection12', '50.00 元/项', '1 个工作日内未改正的，此后每个工作日重复计一次'],
      ['PN-07', '借阅遗失文件；所有档案类型', '20.00 元/件', '不重复计罚'],
    ]);
  });

  it('names the departments of a rule and of the escalation, marking a code the archive does not have', () => {
    const [rule] = defaultViolationRules.rules;
    if (!rule) throw new Error('no default rule');
    expect(triggerWords({ ...rule, types: null, departments: ['XSB'] }, names, zh)).toBe('逾期移交；所有档案类型；限销售部（XSB）的人员');
    expect(defaultViolationRules.escalation.map((entry) => escalationWords(entry, names, zh))).toEqual([
      '销售部（XSB）的人员当月第 2 次违规起罚款 ×2',
      'SHB（本档案库无此部门）的人员当月第 3 次违规起罚款 ×2',
    ]);
    expect(escalationWords({ code: 'PN-06', departments: ['XSB'], fromCount: 2, factor: 1.5 }, names, zh)).toBe('销售部（XSB）的人员当月第 2 次违规起罚款 ×1.5');
    expect(amountWords({ amount: 12.5, per: 'workday' }, zh)).toBe('12.50 元/逾期工作日');
  });

  it('says from which date a hand-over deadline runs, or that a type has none', () => {
    const vehicle = { fields: [{ key: 'deliveryDate', label: '交车日期', labelEn: 'Delivery date', kind: 'date' as const, required: false, sensitive: false }] };
    expect(deadlineWords(defaultIntakeDeadlines['vehicle-new'], vehicle, zh)).toBe('交车日期后 3 个工作日');
    expect(deadlineWords(defaultIntakeDeadlines['customer-org'], { fields: [] }, zh)).toBe('签收时填写的起算日期后 5 个工作日');
    expect(deadlineWords(undefined, vehicle, zh)).toBe('无签收期限');
  });
});
