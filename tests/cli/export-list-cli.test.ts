import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventView } from '../../shared/contract';
import { inspectPdf } from '../helpers/pdf';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, initArchive, runCli as run } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

async function archive() {
  const dir = tempDir();
  const env = await initArchive(dir, {
    users: [{ login: 'junior', displayName: '档案员小李', roles: ['clerk'], departmentCode: 'DAS', clearance: 1, password: 'junior-password-1' }],
    dossiers: [
      { title: '张三 沪A12345 机密档案', level: 3 },
      { title: '张三 售后记录', level: 1 },
      { title: '李四 内部档案', level: 1 },
    ],
  });
  return { dir, env };
}

async function sheetRows(file: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('dossierdesk dossier export-list', () => {
  it('writes the list – search, filters, order as dossier list takes them – as .xlsx or PDF; recorded as from the command line', async () => {
    const { dir, env } = await archive();
    const sheet = join(dir, '目录.xlsx');
    const exported = await run(['dossier', 'export-list', '--format', 'xlsx', '--out', sheet, '--query', '张三', '--sort', 'archive-number', '--asc'], { env });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(sheet);
    const rows = await sheetRows(sheet);
    expect(rows[1]?.[0]).toBe('范围：检索“张三”；按档号升序');
    expect(rows.slice(4, 6).map((row) => [row[0], row[2], row[4], row[8]])).toEqual([
      [1, '张三 沪A12345 机密档案', '机密', '机密'],
      [2, '张三 售后记录', '内部', undefined],
    ]);
    // The same rows `dossier list` prints for the same options.
    const listed = await run(['dossier', 'list', '--query', '张三', '--sort', 'archive-number', '--asc'], { env });
    expect(listed.stdout.trim().split('\n').map((line) => line.split('\t')[0])).toEqual(rows.slice(4, 6).map((row) => row[1]));

    const pdfFile = join(dir, '目录.pdf');
    expect((await run(['dossier', 'export-list', '--format', 'pdf', '--out', pdfFile, '--level', '内部'], { env })).code).toBe(0);
    const pdf = inspectPdf(readFileSync(pdfFile));
    expect(pdf.text).toContain('范围：密级：内部；按建档时间降序');
    expect(pdf.text).toContain('李四 内部档案');
    expect(pdf.text).not.toContain('机密档案');

    const trail = await run(['audit', 'list', '--action', 'dossier:export-list', '--json'], { env });
    const events = JSON.parse(trail.stdout) as AuditEventView[];
    expect(events.map((e) => [e.frontDoor, e.summary?.format, e.summary?.rows])).toEqual([
      ['cli', 'pdf', 2],
      ['cli', 'xlsx', 2],
    ]);
  });

  it('a user cleared for 内部 gets no secret rows', async () => {
    const { dir, env } = await archive();
    const sheet = join(dir, 'junior.xlsx');
    const result = await run(['dossier', 'export-list', '--format', 'xlsx', '--out', sheet], { env: { ...env, DOSSIERDESK_USER: 'junior', DOSSIERDESK_PASSWORD: 'junior-password-1' } });
    expect(result.code, result.stderr).toBe(0);
    const titles = (await sheetRows(sheet)).map((row) => row[2]);
    expect(titles).toEqual(expect.arrayContaining(['张三 售后记录', '李四 内部档案']));
    expect(titles).not.toContain('张三 沪A12345 机密档案');
  });

  it('usage errors exit 2 and unknown names exit 4, one bilingual line each, and write no file', async () => {
    const { dir, env } = await archive();
    const out = join(dir, 'x.pdf');
    const format = await run(['dossier', 'export-list', '--format', 'docx', '--out', out], { env });
    expect(format.code).toBe(2);
    expect(format.stderr.trim()).toBe('错误 / error VALIDATION: 格式应为 xlsx、pdf 之一 / The format is one of xlsx, pdf');
    expect((await run(['dossier', 'export-list', '--format', 'pdf'], { env })).code).toBe(2);
    const type = await run(['dossier', 'export-list', '--format', 'pdf', '--out', out, '--type', 'no-such-type'], { env });
    expect(type.code).toBe(4);
    expect(type.stderr).toMatch(/^错误 \/ error NOT_FOUND: 没有档案类型“no-such-type”.* \/ There is no dossier type "no-such-type"/);
    expect((await run(['dossier', 'export-list', '--format', 'pdf', '--out', out, '--complete', '--incomplete'], { env })).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
