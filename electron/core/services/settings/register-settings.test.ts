import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type InputOf } from '../../../../shared/contract';
import { defaultRoutingRules } from '../../../../shared/approval-routing';
import { defaultViolationRules } from '../../../../shared/violation-rules';
import type { ErrorIssue } from '../../../../shared/errors';
import { call, newArchive, ok } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
let core: Core;

beforeAll(async () => {
  core = await newArchive(suiteDir());
});

/** The issues of a refused change – and proof that nothing of it was kept. */
async function refused(changes: InputOf<'settings:update'>): Promise<ErrorIssue[]> {
  const before = await ok(core, 'settings:get', {});
  const result = await call(core, 'settings:update', changes);
  if (result.ok) throw new Error('the change was accepted');
  expect(result.error.code).toBe('VALIDATION');
  expect(await ok(core, 'settings:get', {})).toEqual(before);
  return result.error.issues ?? [];
}

describe('the registers’ rules refuse what would not work, naming the field (登记簿设置)', () => {
  it('a routing rule needs an approver – unless all it asks for is the assistance notice', async () => {
    const withoutApprovers = defaultRoutingRules.map((rule) => (rule.key === 'other-department' ? { ...rule, approvers: [] } : rule));
    expect(await refused({ approvalRouting: withoutApprovers })).toEqual([
      { path: 'approvalRouting.1.approvers', message: '规则“其他部门档案：总经理审批”没有审批人：至少指定一位审批人', messageEn: 'The rule "其他部门档案：总经理审批" has no approver: name at least one' },
    ]);
    const noticeOnly = defaultRoutingRules.map((rule) => (rule.key === 'outsider-property' ? { ...rule, approvers: [] } : rule));
    expect((await ok(core, 'settings:update', { approvalRouting: noticeOnly })).approvalRouting[4]).toMatchObject({ approvers: [], requiresAssistanceNotice: true });
    await ok(core, 'settings:update', { approvalRouting: defaultRoutingRules });
  });

  it('an approver – or a next level – must hold a role that approves, and the message points at it', async () => {
    const clerkApproves = defaultRoutingRules.map((rule, index) => (index === 2 ? { ...rule, approvers: [{ role: 'cs-manager' as const, department: 'any' as const, fallback: [{ role: 'clerk' as const, department: 'any' as const }] }] } : rule));
    const [issue] = await refused({ approvalRouting: clerkApproves });
    expect(issue?.path).toBe('approvalRouting.2.approvers.0.fallback.0.role');
    expect(issue?.message).toContain('须为有审批权的角色');
    const staffApproves = defaultRoutingRules.map((rule, index) => (index === 0 ? { ...rule, approvers: [{ role: 'staff' as const, department: 'dossier' as const }] } : rule));
    expect((await refused({ approvalRouting: staffApproves })).map((i) => i.path)).toEqual(['approvalRouting.0.approvers.0.role']);
  });

  it('the archive head is told no earlier than the manager – in each language on its own', async () => {
    expect(await refused({ overdueNotices: { reminderDaysBefore: 1, managerAfterWorkdays: 3, headAfterWorkdays: 2 } })).toEqual([
      { path: 'overdueNotices.headAfterWorkdays', message: '报告档案室主任的期限不能早于报告部门经理', messageEn: 'The archive head is told no earlier than the manager' },
    ]);
  });

  it('an intake deadline runs from a date field of its own type, and only of a type the archive has', async () => {
    const vinTrigger = { ...defaultSettings.intakeDeadlines, 'vehicle-new': { triggerField: 'vin', workdays: 3 } };
    expect(await refused({ intakeDeadlines: vinTrigger })).toEqual([
      { path: 'intakeDeadlines.vehicle-new.triggerField', message: '“新车档案”的字段“车架号（VIN）”不是日期字段：期限只能从日期字段起算（可选：交车日期）', messageEn: 'Field "VIN" of "New-vehicle dossier" is not a date: a deadline runs from a date field (there is: Delivery date)' },
    ]);
    const otherTypesField = { ...defaultSettings.intakeDeadlines, 'vehicle-service': { triggerField: 'deliveryDate', workdays: 1 } };
    expect((await refused({ intakeDeadlines: otherTypesField }))[0]).toMatchObject({ path: 'intakeDeadlines.vehicle-service.triggerField', message: '“售后档案”没有字段“deliveryDate”：期限只能从该类型的日期字段起算（可选：接车日期）' });
    const noDateField = { 'customer-org': { triggerField: 'name', workdays: 5 } };
    expect((await refused({ intakeDeadlines: noDateField }))[0]?.message).toBe('“企业客户档案”没有字段“name”：此类型没有日期字段，起算日期只能在每次签收时填写');
    expect(await refused({ intakeDeadlines: { 'vehicle-lease': { triggerField: null, workdays: 2 } } })).toEqual([
      { path: 'intakeDeadlines.vehicle-lease', message: '没有档案类型“vehicle-lease”', messageEn: 'There is no dossier type "vehicle-lease"' },
    ]);
    // A date given at each hand-over, or the type's own date field, is fine.
    const after = await ok(core, 'settings:update', { intakeDeadlines: { ...defaultSettings.intakeDeadlines, incident: { triggerField: 'eventDate', workdays: 2 }, property: { triggerField: null, workdays: 5 } } });
    expect(after.intakeDeadlines).toMatchObject({ incident: { triggerField: 'eventDate', workdays: 2 }, property: { triggerField: null } });
    await ok(core, 'settings:update', { intakeDeadlines: defaultSettings.intakeDeadlines });
  });

  it('a loan period names a level of the scale and a type the archive has', async () => {
    expect(await refused({ loanPeriods: { byLevel: { '5': 1 }, byType: { 'vehicle-lease': 2 } } })).toEqual([
      { path: 'loanPeriods.byLevel.5', message: '没有第 5 级密级（密级表共 5 级：0–4）', messageEn: 'There is no level 5 (the scale has 5 levels: 0–4)' },
      { path: 'loanPeriods.byType.vehicle-lease', message: '没有档案类型“vehicle-lease”', messageEn: 'There is no dossier type "vehicle-lease"' },
    ]);
    expect((await ok(core, 'settings:update', { loanPeriods: { byLevel: { '4': 1 }, byType: { property: 2 } } })).loanPeriods).toEqual({ byLevel: { '4': 1 }, byType: { property: 2 } });
    await ok(core, 'settings:update', { loanPeriods: defaultSettings.loanPeriods });
  });

  it('a violation rule names types the archive has and checklist items of those types', async () => {
    const rules = structuredClone(defaultViolationRules);
    const [late, signatures] = rules.rules;
    if (!late || !signatures) throw new Error('no default rules');
    late.types = ['vehicle-new', 'vehicle-lease'];
    signatures.items = ['deliveryChecklist', 'repairOrder'];
    expect(await refused({ violationRules: rules })).toEqual([
      { path: 'violationRules.rules.0.types', message: '规则 PN-01：没有档案类型“vehicle-lease”', messageEn: 'Rule PN-01: there is no dossier type "vehicle-lease"' },
      { path: 'violationRules.rules.1.items', message: '规则 PN-02：“repairOrder”不是“新车档案”的必备材料', messageEn: 'Rule PN-02: "repairOrder" is not a checklist item of "New-vehicle dossier"' },
    ]);
    // Without types, an item of any type will do.
    signatures.types = null;
    late.types = null;
    expect((await ok(core, 'settings:update', { violationRules: rules })).violationRules.rules[1]?.items).toEqual(['deliveryChecklist', 'repairOrder']);
  });

  it('the defaults of every register setting are accepted as they are, even in an archive without the departments they name', async () => {
    const { approvalRouting, approvalValidDays, loanMaxDays, loanPeriods, blockBorrowingWhenOverdue, overdueNotices, intakeDeadlines, violationRules } = defaultSettings;
    const after = await ok(core, 'settings:update', { approvalRouting, approvalValidDays, loanMaxDays, loanPeriods, blockBorrowingWhenOverdue, overdueNotices, intakeDeadlines, violationRules });
    expect(after.violationRules).toEqual(defaultViolationRules);
  });
});
