import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exeBytes, pngBytes } from '../helpers/bad-inputs';
import { BAD_GB18030, gb18030Bytes } from '../helpers/gb18030';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, initArchive, runCli } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

const HEADER = '客户名称,联系电话,车架号（VIN）,交车日期';
const row = (i: number) => `客户${i},1380013${String(i).padStart(4, '0')},LSVAU2180N${String(i).padStart(7, '0')},2026-11-02`;

describe('dossierdesk CLI: import inputs', () => {
  it('refuses a file that is no sheet, or whose bytes go wrong, in one line that says where', async () => {
    const dir = tempDir();
    const env = await initArchive(dir);
    const files: [string, Uint8Array, RegExp][] = [
      ['photo.csv', pngBytes(), /“photo\.csv”不是 CSV 文本文件（含有二进制数据） \/ "photo\.csv" is not a CSV text file \(it holds binary data\)$/],
      ['setup.csv', exeBytes(), /is not a CSV text file/],
      ['客户.csv', gb18030Bytes(`${HEADER}\r\n${row(1)}\r\n客户2,138`, BAD_GB18030, `00130002\r\n`), /第 3 行 B 列（联系电话）有不符合 GB18030\/GBK 编码的字节.* \/ Row 3, column B \(联系电话\) holds bytes that are not valid GB18030\/GBK/],
    ];
    for (const [name, bytes, message] of files) {
      writeFileSync(join(dir, name), bytes);
      const result = await runCli(['import', join(dir, name), '--type', 'vehicle-new'], { env });
      expect(result.code, name).toBe(2);
      expect(result.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(result.stderr.trim(), name).toMatch(/^错误 \/ error VALIDATION: /);
      expect(result.stderr.trim(), name).toMatch(message);
    }
  });

  it('prints the SHA-256 of the file it checked and imported', async () => {
    const dir = tempDir();
    const env = await initArchive(dir);
    const file = join(dir, '新车客户.csv');
    writeFileSync(file, `${HEADER}\r\n${row(1)}\r\n${row(2)}\r\n`);
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    const dry = await runCli(['import', file, '--type', 'vehicle-new', '--dry-run'], { env });
    expect(dry.stdout).toContain(`file SHA-256: ${digest}`);
    const imported = await runCli(['import', file, '--type', 'vehicle-new', '--json'], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, sha256: digest });
    const trail = await runCli(['audit', 'list', '--action', 'import:commit', '--json'], { env });
    expect(trail.code, trail.stderr).toBe(0);
    expect(JSON.parse(trail.stdout)).toMatchObject([{ summary: { sha256: digest } }]);
  });

  it('prints each problem on one line, with the file’s own text escaped: it can never drive the terminal', async () => {
    const dir = tempDir();
    const env = await initArchive(dir);
    const file = join(dir, '新车客户.csv');
    const department = '研发\n\u001b[2J部';
    writeFileSync(file, `${HEADER},所属部门\r\n${row(1)},"${department}"\r\n${row(2)},\r\n`);
    for (const args of [[], ['--dry-run'], ['--skip-bad-rows']]) {
      const result = await runCli(['import', file, '--type', 'vehicle-new', ...args], { env });
      const problems = result.stderr.split('\n').filter((line) => line.startsWith('第 2 行'));
      expect(problems, args.join(' ')).toEqual(['第 2 行（所属部门）：没有部门“研发\\n\\u001b[2J部”，或您无权为其建档 / row 2 (所属部门): There is no department "研发\\n\\u001b[2J部", or you may not file dossiers for it']);
      expect(result.stderr, args.join(' ')).not.toContain('\u001b');
    }
  });
});
