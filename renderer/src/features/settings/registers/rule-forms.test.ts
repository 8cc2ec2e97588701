import { describe, expect, it } from 'vitest';
import { defaultRoutingRules, routingRuleSchema } from '../../../../../shared/approval-routing';
import { defaultSettings } from '../../../../../shared/contract';
import { defaultViolationRules } from '../../../../../shared/violation-rules';
import { GIVEN_AT_INTAKE, fromIntakeForm, toIntakeForm } from './intake-form';
import { toFormField, within } from './issue-paths';
import { fromLoanForm, toLoanForm } from './loan-form';
import { fromRuleForm, newRuleKey, toRuleForm } from './routing-rule-form';
import { changedSettings, defaultState } from './settings-changes';
import { entryPath, fromViolationForm, rulesOf, toViolationForm, violationEntries } from './violation-form';

describe('the register settings’ forms', () => {
  it('give every default routing rule back unchanged when nothing is edited, and a new rule a key of its own', () => {
    for (const rule of defaultRoutingRules) expect(fromRuleForm(toRuleForm(rule), rule, rule.key)).toEqual(rule);
    expect(newRuleKey(defaultRoutingRules)).toBe('rule-1');
    expect(newRuleKey([...defaultRoutingRules, { ...defaultRoutingRules[0]!, key: 'rule-1' }])).toBe('rule-2');
  });

  it('turn a rule’s conditions left empty into no condition, and keep the scope of a next level the rule had', () => {
    const form = toRuleForm(null);
    form.label = '  法务审批导出  ';
    form.when.kinds = ['export'];
    form.when.classified = 'not-classified';
    form.approvers = [{ role: 'legal', department: 'any', fallback: ['general-manager', 'cs-manager'] }];
    const original = { ...defaultRoutingRules[0]!, approvers: [{ role: 'legal' as const, department: 'any' as const, fallback: [{ role: 'cs-manager' as const, department: 'dossier' as const }] }] };
    const rule = fromRuleForm(form, original, 'rule-1');
    expect(rule).toEqual({
      key: 'rule-1',
      label: '法务审批导出',
      when: { classified: false, kinds: ['export'] },
      approvers: [{ role: 'legal', department: 'any', fallback: [{ role: 'general-manager', department: 'any' }, { role: 'cs-manager', department: 'dossier' }] }],
    });
    expect(routingRuleSchema.parse(rule)).toEqual(rule);
  });

  it('list the default violation rules not in force as switched off, and map the core’s paths to the listed rows', () => {
    const [, signatures, ...rest] = defaultViolationRules.rules;
    const current = { rules: [{ ...signatures!, amount: 30 }, ...rest], escalation: [] };
    const entries = violationEntries(current, defaultViolationRules);
    expect(entries.map((entry) => [entry.rule.code, entry.on])).toEqual([['PN-02', true], ['PN-04', true], ['PN-05', true], ['PN-07', true], ['PN-01', false]]);
    expect(rulesOf(entries)).toEqual(current.rules);
    const switched = entries.map((entry, i) => (i === 1 ? { ...entry, on: false } : i === 4 ? { ...entry, on: true } : entry));
    // In force: PN-02, PN-05, PN-07, PN-01 – the third of them is listed 4th (index 3).
    expect(entryPath('violationRules.rules.2.amount', switched)).toBe('entries.3.rule.amount');
    expect(entryPath('violationRules.rules.3.items', switched)).toBe('entries.4.rule.items');
    expect(entryPath('violationRules.rules', switched)).toBe('entries');
    expect(entryPath('violationRules.escalation.1.factor', switched)).toBe('escalation.1.factor');
  });

  it('give a violation rule back unchanged, and leave out what its trigger cannot use', () => {
    for (const rule of defaultViolationRules.rules) expect(fromViolationForm(toViolationForm(rule))).toEqual(rule);
    const overdue = fromViolationForm({ ...toViolationForm(null), code: ' JY-01 ', name: '借阅逾期未还', trigger: 'loan-overdue', per: 'loan', items: ['repairOrder'], repeatAfterWorkdays: 1 });
    expect(overdue).toMatchObject({ code: 'JY-01', items: null, types: null, departments: null, repeatAfterWorkdays: 1 });
    expect(fromViolationForm({ ...toViolationForm(null), code: 'X', name: 'x', repeatAfterWorkdays: 2 }).repeatAfterWorkdays).toBeNull();
  });

  it('keep a row per dossier type for the intake deadlines: off is no deadline, the given date is a null trigger field', () => {
    const types = [
      { key: 'vehicle-new', fields: [{ key: 'deliveryDate', label: '交车日期', kind: 'date' as const, required: false, sensitive: false }] },
      { key: 'customer-org', fields: [] },
      { key: 'incident', fields: [{ key: 'eventDate', label: '事件日期', kind: 'date' as const, required: false, sensitive: false }] },
    ];
    const form = toIntakeForm(defaultSettings.intakeDeadlines, types);
    expect(form.intakeDeadlines).toEqual({
      'vehicle-new': { on: true, triggerField: 'deliveryDate', workdays: 3 },
      'customer-org': { on: true, triggerField: GIVEN_AT_INTAKE, workdays: 5 },
      incident: { on: false, triggerField: 'eventDate', workdays: null },
    });
    form.intakeDeadlines['vehicle-new']!.on = false;
    form.intakeDeadlines.incident = { on: true, triggerField: 'eventDate', workdays: 2 };
    expect(fromIntakeForm(form, types)).toEqual({ 'customer-org': { triggerField: null, workdays: 5 }, incident: { triggerField: 'eventDate', workdays: 2 } });
  });

  it('drop empty loan periods, and those of levels the scale no longer has', () => {
    const form = toLoanForm({ ...defaultSettings, loanPeriods: { byLevel: { '2': 1, '6': 2 }, byType: { property: 2 } } });
    form.loanPeriods.byType.property = null;
    form.loanPeriods.byLevel['3'] = undefined;
    expect(fromLoanForm(form, 5).loanPeriods).toEqual({ byLevel: { '2': 1 }, byType: {} });
  });

  it('send only the settings that changed, whatever the order of their keys', () => {
    const reordered = defaultSettings.approvalRouting.map(({ approvers, when, label, key, requiresAssistanceNotice }) => ({ approvers, when, label, key, ...(requiresAssistanceNotice ? { requiresAssistanceNotice } : {}) }));
    expect(changedSettings(defaultSettings, { approvalRouting: reordered, loanMaxDays: 1, approvalValidDays: 7 })).toEqual({ loanMaxDays: 1 });
    expect(defaultState(defaultRoutingRules[1], defaultRoutingRules[1])).toBe('default');
    expect(defaultState({ ...defaultRoutingRules[1]!, label: '改' }, defaultRoutingRules[1])).toBe('changed');
    expect(defaultState(defaultRoutingRules[1], undefined)).toBe('own');
  });

  it('put the core’s problems on the dialog’s fields: the rule’s own prefix taken off, a deeper path cut to its field', () => {
    const fields = ['label', 'when.relation', 'approvers', 'approvers.0.role', 'approvers.0.fallback'];
    const toDialog = (path: string) => toFormField(within('approvalRouting.5')(path), fields);
    expect(toDialog('approvalRouting.5.approvers.0.fallback.1.role')).toBe('approvers.0.fallback');
    expect(toDialog('approvalRouting.5.approvers')).toBe('approvers');
    expect(toDialog('approvalRouting.5.when.relation.0')).toBe('when.relation');
    // Another rule's problem names no field of this dialog: it is shown above the form.
    expect(toDialog('approvalRouting.2.label')).toBe('approvalRouting.2.label');
  });
});
