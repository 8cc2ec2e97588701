import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../shared/contract';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, initArchive, runCli } from './run-cli';

const tempDir = useTempDirs();

async function cli(env: Record<string, string>, args: string[]): Promise<string> {
  const result = await runCli(args, { env });
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk calendar', () => {
  it("lists the shipped holidays, enters next year's notice, confirms it; only the administrator may", async () => {
    const env = await initArchive(tempDir(), { users: [{ login: 'clerk', displayName: '李档案', roles: ['clerk'], departmentCode: 'DAS', clearance: 1, password: 'clerk-password-1' }] });
    const shipped = (await cli(env, ['calendar', 'list', '--year', '2026'])).split('\n');
    expect(shipped[0]).toBe('2026\t已确认（内置）/confirmed (shipped)');
    expect(shipped).toContain('2026-02-14\t调休上班/make-up workday\t春节\t内置节假日安排/package');
    expect(shipped).toContain('2026-10-07\t休息/holiday\t国庆节\t内置节假日安排/package');

    expect((await cli(env, ['calendar', 'set', '2027-01-01', 'holiday', '--name', '元旦'])).trim()).toBe('2027-01-01\t休息/holiday\t元旦\t管理员录入/administrator');
    const entered = JSON.parse(await cli(env, ['calendar', 'list', '--year', '2027', '--json'])) as CalendarYear;
    expect(entered).toMatchObject({ year: 2027, confirmed: false, days: [{ day: '2027-01-01', workday: false, name: '元旦', source: 'administrator' }] });
    expect((await cli(env, ['calendar', 'confirm', '--year', '2027'])).trim()).toBe('2027\t已确认/confirmed');

    // A mistaken entry, taken back.
    await cli(env, ['calendar', 'set', '2026-02-24', 'holiday']);
    expect((await cli(env, ['calendar', 'unset', '2026-02-24'])).trim()).toBe('2026-02-24\t上班/workday\t-\t周末规则/weekend-rule');

    const notADay = await runCli(['calendar', 'set', '2026-02-30', 'holiday'], { env });
    expect([notADay.code, notADay.stderr]).toEqual([2, expect.stringContaining('日期应为真实存在的日期')]);
    expect((await runCli(['calendar', 'set', '2026-02-03', 'weekend'], { env })).code).toBe(2);

    const asClerk = { ...env, DOSSIERDESK_USER: 'clerk', DOSSIERDESK_PASSWORD: 'clerk-password-1' };
    const refused = await runCli(['calendar', 'set', '2027-10-01', 'holiday', '--name', '国庆节'], { env: asClerk });
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('FORBIDDEN')]);
  });
});
