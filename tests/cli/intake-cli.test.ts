import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntakeDetail, IntakeView } from '../../shared/contract';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, initArchive, runCli as run } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

const as = (env: Record<string, string>, login: string) => ({ ...env, DOSSIERDESK_USER: login, DOSSIERDESK_PASSWORD: `${login}-password-1` });

async function ok(args: string[], env: Record<string, string>): Promise<string> {
  const result = await run(args, { env });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout.trim();
}

describe('dossierdesk intake', () => {
  it('registers a hand-over with a shortage, lists it with its late mark, shows it, and a later one closes the shortage', async () => {
    const env = await initArchive(tempDir(), {
      departments: [{ code: 'XSB', name: '销售部' }],
      users: [
        { login: 'clerk', displayName: '档案员小王', roles: ['clerk'], departmentCode: 'XSB', clearance: 1 },
        { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB', clearance: 1 },
      ],
    });
    const vehicle = (vin: string) => ['dossier', 'create', '--type', 'vehicle-new', '--field', 'customerName=张三', '--field', 'phone=13800138000', '--field', `vin=${vin}`, '--field', 'deliveryDate=2026-01-05', '--department', 'XSB'];
    const first = await ok(vehicle('LSVAU2180N2183294'), env);
    const second = await ok(vehicle('LSVAU2180N2183295'), env);
    const clerk = as(env, 'clerk');

    // Not a clerk: refused. An unknown item: a usage-level refusal naming it.
    expect((await run(['intake', 'add', '--from-department', 'XSB', '--handed-by', '销售小李', '--dossier', first], { env: as(env, 'li') })).stderr).toContain('FORBIDDEN');
    const unknown = await run(['intake', 'add', '--from-department', 'XSB', '--handed-by', '销售小李', '--dossier', first, '--missing', '不存在的材料'], { env: clerk });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('必备材料清单中没有“不存在的材料”');

    // Delivered Mon 5 Jan 2026, due Thu 8 Jan; handed over on Fri 9 Jan (--at) – 1 working day late. The missing item applies to one dossier only.
    const id = await ok(
      ['intake', 'add', '--from-department', 'XSB', '--handed-by', '销售小李', '--handed-by-user', 'li', '--dossier', first, second, '--missing', `${first}:购车发票复印件`, '--note', '发票后补', '--at', '2026-01-09 16:30'],
      clerk,
    );
    expect(id).toMatch(/^\d+$/);
    const listed = await ok(['intake', 'list', '--late'], clerk);
    expect(listed).toMatch(new RegExp(`^${id}\\t2026-01-09 16:30\\t销售部\\t销售小李\\t档案员小王\\t${first},${second}\\t逾期 1 个工作日\\t缺 1 项$`));
    const shown = await ok(['intake', 'show', id], clerk);
    expect(shown).toContain(`${first}\t张三 新车档案\t起算 2026-01-05（交车日期），期限 2026-01-08，逾期 1 个工作日`);
    expect(shown).toContain('  缺\t购车发票复印件');
    expect(shown).toContain('缺件说明\t发票后补');
    expect((JSON.parse(await ok(['intake', 'show', id, '--json'], clerk)) as IntakeDetail).dossiers.map((d) => d.missingCount)).toEqual([1, 0]);
    expect(await ok(['intake', 'shortages'], clerk)).toContain(`${first}\t张三 新车档案\t购车发票复印件\t自签收 ${id}`);

    // The invoice comes; the explicit trigger date wins over the delivery date.
    const later = await ok(['intake', 'add', '--from-department', 'XSB', '--handed-by', '销售小李', '--dossier', first, '--trigger-date', '2026-01-09', '--at', '2026-01-12 09:00'], clerk);
    expect(await ok(['intake', 'shortages', '--dossier', first], clerk)).toBe('（无缺件 / none open）');
    const all = JSON.parse(await ok(['intake', 'list', '--json', '--dossier', first], clerk)) as IntakeView[];
    expect(all.map((i) => [String(i.id), i.workdaysLate])).toEqual([
      [later, 0],
      [id, 1],
    ]);
    expect((await run(['intake', 'show', 'abc'], { env: clerk })).code).toBe(2);
  });
});
