import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DossierDetail, DossierTypeView } from '../../shared/contract';
import { encodeGb18030 } from '../helpers/gb18030';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, initArchive, runCli } from './run-cli';

const tempDir = useTempDirs();

const carFields = (vin: string) => ['--field', 'customerName=张三', '--field', '联系电话=13800138000', '--field', `vin=${vin}`, '--field', 'deliveryDate=2026-11-02', '--field', 'plate=沪A12345'];

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk CLI: the catalogue', () => {
  it('type list --json gives ids, labels, field keys and checklist items', async () => {
    const env = await initArchive(tempDir());
    const result = await runCli(['type', 'list', '--json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const types = JSON.parse(result.stdout) as DossierTypeView[];
    expect(types.map((t) => t.key)).toEqual(['vehicle-new', 'vehicle-service', 'property', 'customer-org', 'partner', 'incident']);
    expect(types[0]?.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['customerName', 'phone', 'idNumber', 'address', 'vin', 'plate', 'model', 'deliveryDate']));
    expect(types[0]?.checklist.map((c) => c.name)).toHaveLength(12);
    const text = await runCli(['type', 'list'], { env });
    expect(text.stdout).toMatch(/^vehicle-new\t新车档案/m);
  });

  it('dossier create --type --field makes a typed dossier; dossier show prints it', async () => {
    const env = await initArchive(tempDir());
    const created = await runCli(['dossier', 'create', '--type', 'vehicle-new', ...carFields('LSVAU2180N2183294'), '--classification', '特殊'], { env });
    expect(created.code, created.stderr).toBe(0);
    const number = created.stdout.trim();
    expect(number).toMatch(/^XC-\d{4}-000001$/);

    const shown = await runCli(['dossier', 'show', number, '--json'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    const detail = JSON.parse(shown.stdout) as DossierDetail;
    expect(detail).toMatchObject({ archiveNumber: number, title: '张三 沪A12345 新车档案', type: { key: 'vehicle-new' }, classification: '特殊', department: { code: 'DAS' }, missingCount: 11 });

    const filed = await runCli(['document', 'add', number, '--item', 'greenCard', '--date', '2026-11-02'], { env });
    expect(filed.code, filed.stderr).toBe(0);
    expect(filed.stdout).toContain('缺 10 项');
    const text = await runCli(['dossier', 'show', number], { env });
    expect(text.stdout).toMatch(/题名 \/ title\t张三 沪A12345 新车档案/);
    expect(text.stdout).toMatch(/\[x\] 绿卡（/);
    expect(text.stdout).toMatch(/卷内文件 \/ documents: 1/);
  });

  it('bad fields fail with VALIDATION naming each problem, and nothing is created', async () => {
    const env = await initArchive(tempDir());
    const bad = await runCli(['dossier', 'create', '--type', 'vehicle-new', '--field', 'customerName=张三', '--field', 'phone=62345678', '--field', 'colour=红'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/VALIDATION: 填写有误：.*区号.*colour/);
    expect(bad.stderr).toMatch(/车架号（VIN）为必填项/);
    const noType = await runCli(['dossier', 'create', '--type', 'boat', '--field', 'x=1'], { env });
    expect(noType.stderr).toMatch(/NOT_FOUND: 没有档案类型“boat”/);
    const list = await runCli(['dossier', 'list'], { env });
    expect(list.stdout.trim()).toBe('（无档案 / no dossiers）');
  });

  it('concurrent creations from separate processes get unique, consecutive numbers', async () => {
    const env = await initArchive(tempDir());
    const vins = Array.from({ length: 6 }, (_, i) => `LSVAU2180N218330${i}`);
    const results = await Promise.all(vins.map((vin) => runCli(['dossier', 'create', '--type', 'vehicle-new', ...carFields(vin)], { env })));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const sequence = results.map((r) => Number(r.stdout.trim().slice(-6))).sort((a, b) => a - b);
    expect(sequence).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('import checks every row first: bad rows are listed and nothing is written; a good GBK file imports, and search finds it', async () => {
    const env = await initArchive(tempDir());
    const dir = tempDir();
    const header = '姓名,手机,车架号（VIN）,车牌号,交车日期';
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [header, '张三,13800138000,LSVAU2180N2183294,沪A12345,2026-11-02', '李四,12345,LSVAU2180N2183294,沪B1,2026-13-01'].join('\n'));
    const mapping = JSON.stringify({ 姓名: 'customerName', 手机: '联系电话' });
    const report = join(dir, 'report.csv');
    const refused = await runCli(['import', bad, '--type', 'vehicle-new', '--mapping', mapping, '--report', report], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/第 3 行（手机）：/);
    expect(refused.stderr).toMatch(/第 3 行（车架号（VIN））：.*已用于第 2 行/);
    expect(refused.stderr).toMatch(/第 3 行（交车日期）：/);
    expect(refused.stderr).toMatch(/VALIDATION: 1 行有问题，未导入任何数据/);
    expect(readFileSync(report, 'utf8')).toMatch(/^\uFEFF?行号,列,问题,Problem/);
    expect((await runCli(['dossier', 'list'], { env })).stdout.trim()).toBe('（无档案 / no dossiers）');

    const good = join(dir, 'good.csv');
    writeFileSync(good, encodeGb18030([header, '张三,13800138000,LSVAU2180N2183294,沪A12345,2026-11-02', '张珊珊,13912345678,LSVAU2180N2183295,沪B54321,2026/11/3'].join('\r\n')));
    const dry = await runCli(['import', good, '--type', 'vehicle-new', '--mapping', mapping, '--dry-run'], { env });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/检查通过：2 行可导入/);
    expect((await runCli(['dossier', 'list'], { env })).stdout.trim()).toBe('（无档案 / no dossiers）');

    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(mappingFile, mapping);
    const imported = await runCli(['import', good, '--type', 'vehicle-new', '--mapping', mappingFile, '--json'], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, firstNumber: expect.stringMatching(/^XC-\d{4}-000001$/) as string });

    const byInitials = await runCli(['search', 'zs', '--json'], { env });
    expect(byInitials.code, byInitials.stderr).toBe(0);
    const hits = JSON.parse(byInitials.stdout) as { archiveNumber: string; title: string }[];
    expect(hits.map((h) => h.title).sort()).toEqual(['张三 沪A12345 新车档案', '张珊珊 沪B54321 新车档案']);
    const byName = await runCli(['search', '珊珊'], { env });
    expect(byName.stdout).toMatch(/^XC-\d{4}-000002\t张珊珊 沪B54321 新车档案\t客户名称：张珊珊$/m);
    const byPlate = await runCli(['search', 'A123', '--json'], { env });
    expect((JSON.parse(byPlate.stdout) as { title: string }[]).map((h) => h.title)).toEqual(['张三 沪A12345 新车档案']);
    const none = await runCli(['search', '王'], { env });
    expect(none.stdout.trim()).toBe('（无结果 / no hits）');
    const badMapping = await runCli(['import', good, '--type', 'vehicle-new', '--mapping', '{"姓名":"colour"}'], { env });
    expect(badMapping.code).toBe(2);
    expect(badMapping.stderr).toMatch(/没有字段“colour”/);
  });
});

