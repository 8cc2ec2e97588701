import { describe, expect, it } from 'vitest';
import { defaultRoutingRules, type RoutingRule } from '../../../../../shared/approval-routing';
import { approversWords, conditionWords } from './routing-words';
import { chineseWords } from './test-translations';

const zh = chineseWords();

describe('the routing rules in words (登记簿设置 · 审批)', () => {
  it('says when each default rule applies and who approves, with the next levels in turn', () => {
    expect(defaultRoutingRules.map((rule) => [conditionWords(rule.when, zh), approversWords(rule, zh)])).toEqual([
      ['申请人为本部门人员', ['部门经理（档案所属部门）；无人可审时依次由 总经理 审批']],
      ['申请人为其他部门人员', ['总经理']],
      ['秘密及以上', ['客户服务部经理；无人可审时依次由 总经理 审批']],
      ['申请人为外单位人员', ['客户服务部经理']],
      ['申请人为外单位人员；立档对象为房产', ['法务', '外单位人员须为公检法人员并持协助查询通知书']],
    ]);
  });

  it('joins several values with 或, every condition with ；, and says so when a rule has none', () => {
    const rule: RoutingRule = {
      key: 'rule-1',
      label: '导出非涉密车辆档案',
      when: { relation: ['own-department', 'other-department'], classified: false, subjectKinds: ['vehicle'], kinds: ['export', 'copy'] },
      approvers: [{ role: 'legal', department: 'any', fallback: [{ role: 'cs-manager', department: 'any' }, { role: 'general-manager', department: 'any' }] }],
    };
    expect(conditionWords(rule.when, zh)).toBe('申请人为本部门人员或其他部门人员；非涉密；立档对象为车辆；申请导出或复制');
    expect(approversWords(rule, zh)).toEqual(['法务；无人可审时依次由 客户服务部经理 → 总经理 审批']);
    expect(conditionWords({}, zh)).toBe('所有申请');
    expect(approversWords({ ...rule, approvers: [] }, zh)).toEqual(['不另设审批人']);
  });
});
