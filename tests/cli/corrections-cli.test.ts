import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDetail, DossierDetail } from '../../shared/contract';
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

describe('dossierdesk CLI: correcting what was filed', () => {
  it('dossier update, document update: the archive number stays, rules still hold', async () => {
    const env = await initArchive(tempDir());
    const number = (await cli(env, ['dossier', 'create', '--type', 'vehicle-new', '--field', 'customerName=张三', '--field', '联系电话=13800138000', '--field', 'vin=LSVAU2180N2183294', '--field', 'deliveryDate=2026-11-02'])).trim();
    const updated = JSON.parse(await cli(env, ['dossier', 'update', number, '--field', '车牌号=沪A 12345', '--field', 'model=', '--retention', '永久', '--remarks', '已核对', '--json'])) as DossierDetail;
    expect(updated).toMatchObject({ archiveNumber: number, retention: { kind: 'permanent' }, remarks: '已核对', title: '张三 沪A12345 新车档案' });
    expect(updated.fields.find((f) => f.key === 'plate')?.value).toBe('沪A12345');

    const refused = await runCli(['dossier', 'update', number, '--field', 'deliveryDate=2026-02-30'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/VALIDATION: .*交车日期/);
    const badRetention = await runCli(['dossier', 'update', number, '--retention', 'forever'], { env });
    expect(badRetention.code).toBe(2);

    await cli(env, ['document', 'add', number, '--item', 'invoiceCopy']);
    const shown = await cli(env, ['dossier', 'show', number]);
    const id = /#(\d+)\t/.exec(shown)?.[1];
    expect(id).toBeDefined();
    const after = JSON.parse(await cli(env, ['document', 'update', `#${id ?? ''}`, '--title', '购车发票（复印件）', '--pages', '2', '--date', '2026-11-03', '--json'])) as DossierDetail;
    expect(after.documents[0]).toMatchObject({ title: '购车发票（复印件）', pages: 2, docDate: '2026-11-03' });
    expect((await runCli(['document', 'update', '#abc', '--pages', '2'], { env })).code).toBe(2);
  });

  it('customer add, list, show, update; a second record of the same customer is refused', async () => {
    const env = await initArchive(tempDir());
    const id = (await cli(env, ['customer', 'add', '--name', '张三', '--field', 'phones=13800138000', '--field', '地址=上海市徐汇区'])).trim();
    const duplicate = await runCli(['customer', 'add', '--name', '张三', '--field', 'phones=138 0013 8000'], { env });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('CONFLICT');
    expect(await cli(env, ['customer', 'list', '--query', 'zs'])).toMatch(new RegExp(`^${id}\t张三\t个人\t13800138000`, 'm'));
    const changed = JSON.parse(await cli(env, ['customer', 'update', id, '--field', 'phones=13800138000,021-62345678', '--field', 'contact=李四', '--field', '地址=', '--json'])) as CustomerDetail;
    expect(changed).toMatchObject({ phones: ['13800138000', '021-62345678'], contact: '李四', address: null });
    expect(await cli(env, ['customer', 'show', id])).toContain('联系人 / contact\t李四');
    expect((await runCli(['customer', 'update', id, '--field', 'colour=红'], { env })).code).toBe(2);
  });

  it('import --department and --skip-bad-rows: the good rows go in, the others are listed', async () => {
    const env = await initArchive(tempDir(), { departments: [{ code: 'XSB', name: '销售部' }] });
    const sheet = join(tempDir(), 'sheet.csv');
    writeFileSync(sheet, ['姓名,手机,车架号,交车日期', '张三,13800138000,LSVAU2180N2183294,2026-11-02', '李四,123,LSVAU2180N2183295,2026-11-02', '王五,13700137000,LSVAU2180N2183296,2026-11-04'].join('\r\n'));
    const allOrNothing = await runCli(['import', sheet, '--type', 'vehicle-new', '--department', 'XSB'], { env });
    expect(allOrNothing.code).toBe(2);
    const partial = await runCli(['import', sheet, '--type', 'vehicle-new', '--department', 'XSB', '--skip-bad-rows'], { env });
    expect(partial.code, partial.stderr).toBe(0);
    expect(partial.stdout).toContain('已导入 2 份“新车档案”');
    expect(partial.stdout).toContain('跳过 1 行');
    expect(partial.stdout).toContain('客户：新建 2');
    expect(partial.stderr).toContain('第 3 行（手机）');
    const listed = await cli(env, ['dossier', 'list']);
    expect(listed.trim().split('\n').map((line) => line.split('\t')[2])).toEqual(['XSB', 'XSB']);
  });
});
