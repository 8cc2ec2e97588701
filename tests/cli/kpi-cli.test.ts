import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport, ViolationReport } from '../../shared/contract';
import { ADMIN, ok, passwordOf, testCore } from '../helpers/core';
import { useSuiteTempDir } from '../helpers/temp-dir';
import { octoberHandOvers } from '../helpers/violation-month';
import { builtCli, runCli } from './run-cli';

const suiteDir = useSuiteTempDir();
let env: Record<string, string> = {};

async function cli(args: string[], login = 'audit'): Promise<string> {
  const result = await runCli(args, { env: { ...env, DOSSIERDESK_USER: login, DOSSIERDESK_PASSWORD: passwordOf(login) } });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout.trim();
}

beforeAll(async () => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
  let now = new Date('2026-09-28T09:00:00+08:00');
  const core = testCore(suiteDir(), { now: () => now });
  await ok(core, 'archive:create', { admin: ADMIN });
  await octoberHandOvers(core, (time) => (now = new Date(time)));
  await core.close();
  env = { DOSSIERDESK_DATA_DIR: suiteDir() };
});

describe('dossierdesk kpi show, violation list', () => {
  it('prints 12 months of KPIs, for all departments or one, as text or JSON', async () => {
    const shown = (await cli(['kpi', 'show', '--month', '2026-10'])).split('\n');
    expect(shown).toHaveLength(13);
    expect(shown[0]).toBe('全部部门 / all departments');
    expect(shown[1]).toMatch(/^2025-11\t及时率 –（0\/0）/);
    expect(shown[12]).toBe('2026-10\t及时率 0.0%（0/5）\t完整率 100.0%（5/5）\t逾期借阅 0（新增 0）\t新建档案 5');
    const json = JSON.parse(await cli(['kpi', 'show', '--month', '2026-10', '--department', 'SHB', '--json'])) as KpiReport;
    expect(json.department).toEqual({ code: 'SHB', name: '售后服务部' });
    expect(json.months.at(-1)).toMatchObject({ month: '2026-10', handOvers: 3, onTime: 0, handedDossiers: 3 });
  });

  it('lists a month’s violations with the amounts after doubling, per person, and refuses those who may not read them', async () => {
    const listed = await cli(['violation', 'list', '--month', '2026-10']);
    expect(listed).toContain('2026-10-14\tPN-01\t销售小李\t销售部\tXC-2026-000003\t逾期 5 个工作日（应交 2026-10-08）\t第 2 次 ×2\t100.00');
    expect(listed).toContain('售后小周\t售后服务部\t3 次\t200.00');
    expect(listed.split('\n').at(-1)).toBe('合计 / total\t8 次\t450.00');
    const json = JSON.parse(await cli(['violation', 'list', '--month', '2026-10', '--json'])) as ViolationReport;
    expect(json.total).toEqual({ count: 8, amount: 450 });
    expect(json.violations.filter((v) => v.repetition > 0)).toHaveLength(3);
    expect(await cli(['violation', 'list', '--month', '2026-08'])).toBe('2026-08：（无违规 / no violations）');
    const refused = await runCli(['violation', 'list', '--month', '2026-10'], { env: { ...env, DOSSIERDESK_USER: 'li', DOSSIERDESK_PASSWORD: passwordOf('li') } });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('FORBIDDEN');
    const badMonth = await runCli(['kpi', 'show', '--month', '2026-13'], { env: { ...env, DOSSIERDESK_USER: 'audit', DOSSIERDESK_PASSWORD: passwordOf('audit') } });
    expect(badMonth.code).toBe(2);
  });
});
