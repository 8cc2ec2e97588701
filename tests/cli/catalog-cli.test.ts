import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DossierDetail, DossierTypeView } from '../../shared/contract';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, runCli } from './run-cli';

const tempDir = useTempDirs();
const PASSWORD = 'cli-admin-password-1';

async function initArchive(): Promise<Record<string, string>> {
  const env = { DOSSIERDESK_DATA_DIR: join(tempDir(), 'archive'), DOSSIERDESK_USER: 'admin', DOSSIERDESK_PASSWORD: PASSWORD };
  const init = await runCli(['init', '--admin', 'admin'], { env });
  expect(init.code, init.stderr).toBe(0);
  return env;
}

const carFields = (vin: string) => ['--field', 'customerName=张三', '--field', '联系电话=13800138000', '--field', `vin=${vin}`, '--field', 'deliveryDate=2026-11-02', '--field', 'plate=沪A12345'];

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk CLI: the catalogue', () => {
  it('type list --json gives ids, labels, field keys and checklist items', async () => {
    const env = await initArchive();
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
    const env = await initArchive();
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
    const env = await initArchive();
    const bad = await runCli(['dossier', 'create', '--type', 'vehicle-new', '--field', 'customerName=张三', '--field', 'phone=62345678', '--field', 'colour=红'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/VALIDATION: 字段有误：.*区号.*colour/);
    expect(bad.stderr).toMatch(/车架号（VIN）为必填项/);
    const noType = await runCli(['dossier', 'create', '--type', 'boat', '--field', 'x=1'], { env });
    expect(noType.stderr).toMatch(/NOT_FOUND: 没有档案类型“boat”/);
    const list = await runCli(['dossier', 'list'], { env });
    expect(list.stdout.trim()).toBe('（无档案 / no dossiers）');
  });

  it('concurrent creations from separate processes get unique, consecutive numbers', async () => {
    const env = await initArchive();
    const vins = Array.from({ length: 6 }, (_, i) => `LSVAU2180N218330${i}`);
    const results = await Promise.all(vins.map((vin) => runCli(['dossier', 'create', '--type', 'vehicle-new', ...carFields(vin)], { env })));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const sequence = results.map((r) => Number(r.stdout.trim().slice(-6))).sort((a, b) => a - b);
    expect(sequence).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
