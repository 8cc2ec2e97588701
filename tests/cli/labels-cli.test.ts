import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePdfPage } from '../helpers/barcodes';
import { inspectPdf } from '../helpers/pdf';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, runCli, seededArchive } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk label', () => {
  it('prints a label sheet whose codes decode back to the archive numbers, a scan cover per checklist item, and the separator sheet', async () => {
    const folder = tempDir();
    const { env, dossiers } = await seededArchive(folder, { dossiers: [{ title: '张三 购车档案' }, { title: '李四 售后档案' }] });
    const numbers = dossiers.map((d) => d.archiveNumber);
    const sheets = await runCli(['label', 'sheets'], { env });
    expect(sheets.stdout).toContain('a4-3x8');

    const labels = join(folder, 'labels.pdf');
    const printed = await runCli(['label', 'print', ...numbers, '--out', labels, '--sheet', 'a4-3x8', '--start-at', '3'], { env });
    expect(printed.code, printed.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(labels));
    expect(inspectPdf(bytes).text).toContain('张三 购车档案');
    const decoded = (await decodePdfPage(bytes)).map((code) => code.text);
    for (const number of numbers) {
      expect(decoded).toContain(number);
      expect(decoded).toContain(`DD:A:${number}`);
    }
    const unknown = await runCli(['label', 'print', 'KH-2099-999999', '--out', labels], { env });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('NOT_FOUND');
    expect((await runCli(['label', 'print', numbers[0] ?? '', '--out', labels, '--sheet', 'a5-nothing'], { env })).code).not.toBe(0);

    const covers = join(folder, 'covers.pdf');
    expect((await runCli(['label', 'cover', numbers[0] ?? '', '--out', covers], { env })).code).toBe(0);
    const cover = new Uint8Array(readFileSync(covers));
    expect(inspectPdf(cover).text).toContain('扫描封面');
    expect((await decodePdfPage(cover)).map((code) => code.text)).toContain(`DD:C:${numbers[0] ?? ''}`);
    const separator = join(folder, 'separator.pdf');
    expect((await runCli(['label', 'separator', '--out', separator], { env })).code).toBe(0);
    expect((await decodePdfPage(new Uint8Array(readFileSync(separator)))).map((code) => code.text)).toEqual(['DD:S']);
  });
});
