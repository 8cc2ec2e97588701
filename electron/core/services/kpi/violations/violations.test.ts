import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../../../shared/contract';
import { defaultViolationRules } from '../../../../../shared/violation-rules';
import { ADMIN, call, ok, switchTo, testCore } from '../../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../../tests/helpers/temp-dir';
import { octoberHandOvers } from '../../../../../tests/helpers/violation-month';
import type { Core } from '../../../core';

const suiteDir = useSuiteTempDir();
let now = new Date('2026-09-28T09:00:00+08:00');
let core: Core;

async function october(login = 'audit', department?: string): Promise<OutputOf<'violation:report'>> {
  await switchTo(core, login);
  return ok(core, 'violation:report', { month: '2026-10', ...(department ? { department } : {}) });
}

const line = (v: OutputOf<'violation:report'>['violations'][number]) => [v.day, v.rule.code, v.person.name, v.repetition, v.ordinal, v.factor, v.amount];

beforeAll(async () => {
  core = testCore(suiteDir(), { now: () => now });
  await ok(core, 'archive:create', { admin: ADMIN });
  await octoberHandOvers(core, (time) => (now = new Date(time)));
});

describe('the violation ledger (PN-01…PN-08), from the rules in the settings', () => {
  it('charges a missing customer signature on the day of the hand-over, in its own month', async () => {
    await switchTo(core, 'audit');
    const september = await ok(core, 'violation:report', { month: '2026-09' });
    expect(september.violations.map(line)).toEqual([['2026-09-30', 'PN-02', '销售小陈', 0, 1, 1, 20]]);
    expect(september.violations[0]).toMatchObject({ trigger: 'intake-missing-item', detail: '缺：新车PDI检查表', person: { login: null }, department: { code: 'XSB' }, source: { register: 'intake' } });
  });

  it('repeats an uncorrected violation each working day after the one to put it right – over the holiday, the make-up Saturday and the weekend', async () => {
    const report = await october();
    const repeats = report.violations.filter((v) => v.person.name === '销售小陈');
    // One working day to put it right: Thu 8 Oct (1–7 October are holidays). Not done: Fri 9, Sat 10 (worked), Mon 12 – put right that day, so no more.
    expect(repeats.map((v) => [v.day, v.repetition])).toEqual([
      ['2026-10-09', 1],
      ['2026-10-10', 2],
      ['2026-10-12', 3],
    ]);
    expect(repeats[0]?.detail).toBe('缺：新车PDI检查表；未改正，第 1 次重复');
  });

  it('doubles from the 2nd violation of a month for sales and from the 3rd for service', async () => {
    const report = await october();
    const of = (name: string) => report.violations.filter((v) => v.person.name === name).map((v) => [v.ordinal, v.factor, v.amount]);
    expect(of('销售小陈')).toEqual([
      [1, 1, 20],
      [2, 2, 40],
      [3, 2, 40],
    ]);
    expect(of('销售小李')).toEqual([
      [1, 1, 50],
      [2, 2, 100],
    ]);
    expect(of('售后小周')).toEqual([
      [1, 1, 50],
      [2, 1, 50],
      [3, 2, 100],
    ]);
    expect(report.violations.find((v) => v.person.name === '销售小李')).toMatchObject({ rule: { code: 'PN-01' }, detail: '逾期 4 个工作日（应交 2026-10-08）', person: { login: 'li' } });
    expect(report.people.map((p) => [p.person.name, p.department?.code, p.count, p.amount])).toEqual([
      ['售后小周', 'SHB', 3, 200],
      ['销售小李', 'XSB', 2, 150],
      ['销售小陈', 'XSB', 3, 100],
    ]);
    expect(report.departments.map((d) => [d.department?.code, d.count, d.amount])).toEqual([
      ['XSB', 5, 250],
      ['SHB', 3, 200],
    ]);
    expect(report.total).toEqual({ count: 8, amount: 450 });
    expect((await october('audit', 'SHB')).total).toEqual({ count: 3, amount: 200 });
  });

  it('takes a changed rule into account at once: the ledger is rebuilt from the registers', async () => {
    await switchTo(core, ADMIN.login, ADMIN.password);
    const rules = structuredClone(defaultViolationRules);
    const late = rules.rules.find((r) => r.code === 'PN-01');
    if (!late) throw new Error('no PN-01');
    late.amount = 80;
    rules.escalation = rules.escalation.filter((e) => !e.departments.includes('SHB'));
    await ok(core, 'settings:update', { violationRules: rules });
    const report = await october();
    expect(report.people.map((p) => [p.person.name, p.amount])).toEqual([
      ['销售小李', 240],
      ['售后小周', 150],
      ['销售小陈', 100],
    ]);
    expect(report.rules.rules.find((r) => r.code === 'PN-01')?.amount).toBe(80);
    await switchTo(core, ADMIN.login, ADMIN.password);
    await ok(core, 'settings:update', { violationRules: defaultViolationRules });
  });

  it('refuses rules that cannot be applied, staff readers and months to come', async () => {
    await switchTo(core, ADMIN.login, ADMIN.password);
    const repeatingLateness = { ...defaultViolationRules, rules: [{ ...defaultViolationRules.rules[0], repeatAfterWorkdays: 1 }] };
    expect(await call(core, 'settings:update', { violationRules: repeatingLateness as never })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await switchTo(core, 'li');
    expect(await call(core, 'violation:report', { month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'audit');
    expect(await call(core, 'violation:report', { month: '2026-12' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'month' }] } });
  });
});
