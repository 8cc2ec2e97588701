import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { repeatedPart, withEmptyParts, withRawPart, xlsxOf } from '../../../../tests/helpers/bad-inputs';
import { call, newArchive, ok, openSheet, stageBytes } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { WORKBOOK_LIMITS } from './workbook-limits';

const tempDir = useTempDirs();

const MiB = 1024 * 1024;
const SST = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const WORKSHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>';
const SPLIT_IT = 'nothing was imported. Import it in several files, or save it as CSV and import that';
const DAMAGED = 'The .xlsx file is damaged or not an Excel workbook: open it in Excel, save it as .xlsx and import it again';

const good = () => xlsxOf([['客户名称', '联系电话', '车架号（VIN）', '交车日期'], ['张三', '13800138000', 'LSVAU2180N0000001', '2026-11-02']]);

/** A part of `block` repeated until it is just larger than `bytes`. */
function partOver(head: string, block: string, bytes: number, tail: string) {
  return repeatedPart(head, block, Math.floor(bytes / Buffer.byteLength(block)) + 1, tail);
}

async function refusedAtOpen(core: Core, name: string, bytes: Uint8Array): Promise<string> {
  const opened = await call(core, 'import:open', { stagedFileId: await stageBytes(core, name, bytes) });
  if (opened.ok) throw new Error(`${name} was opened`);
  expect(opened.error.code, name).toBe('VALIDATION');
  return opened.error.messageEn;
}

describe('an .xlsx is read within limits on what it holds beside its cells', () => {
  it('refuses a workbook of more shared strings than the limit while reading them (their characters: shared-strings.test.ts)', async () => {
    const core = await newArchive(tempDir());
    const strings = repeatedPart(SST, '<si><t>客户</t></si>', WORKBOOK_LIMITS.sharedStrings + 1, '</sst>');
    expect(await refusedAtOpen(core, 'strings.xlsx', await withRawPart(await good(), 'xl/sharedStrings.xml', strings))).toBe(`The workbook's shared strings exceed 2,000,000 strings; ${SPLIT_IT}`);
    await core.close();
  });

  it('refuses a part that inflates to more than it may (a zip bomb) before inflating it, or, if it lies about its size, as soon as it goes past', async () => {
    const core = await newArchive(tempDir());
    const base = await good();
    const sharedStrings = partOver(SST, '<si><t>a</t></si>', WORKBOOK_LIMITS.streamedPartBytes, '</sst>');
    const bomb = await withRawPart(base, 'xl/sharedStrings.xml', sharedStrings);
    expect(bomb.length).toBeLessThan(2 * MiB);
    expect(await refusedAtOpen(core, 'bomb.xlsx', bomb)).toBe(`The workbook's shared strings (xl/sharedStrings.xml) inflates to more than 512 MB; ${SPLIT_IT}`);
    const rows = partOver(WORKSHEET, '<row><c><v>1</v></c></row>', WORKBOOK_LIMITS.streamedPartBytes, '</sheetData></worksheet>');
    expect(await refusedAtOpen(core, 'rows.xlsx', await withRawPart(base, 'xl/worksheets/sheet1.xml', rows))).toBe(`The workbook's worksheet (xl/worksheets/sheet1.xml) inflates to more than 512 MB; ${SPLIT_IT}`);
    // The reader keeps the styles whole: they may be far smaller.
    const styles = partOver(STYLES, '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>', WORKBOOK_LIMITS.heldPartBytes, '</cellXfs></styleSheet>');
    expect(await refusedAtOpen(core, 'styles.xlsx', await withRawPart(base, 'xl/styles.xml', styles))).toBe(`The workbook's styles (xl/styles.xml) inflates to more than 32 MB; ${SPLIT_IT}`);
    // A part that says it is small and inflates to gigabytes is damaged; it is not inflated past what it says.
    expect(await refusedAtOpen(core, 'lying.xlsx', await withRawPart(base, 'xl/sharedStrings.xml', sharedStrings, 1000))).toBe(DAMAGED);
    // A part of the size it says, but not the checksum, inflated to other bytes.
    const sheet = repeatedPart(WORKSHEET, '<row><c t="inlineStr"><is><t>张三</t></is></c></row>', 2, '</sheetData></worksheet>');
    expect(await refusedAtOpen(core, 'checksum.xlsx', await withRawPart(base, 'xl/worksheets/sheet1.xml', { ...sheet, crc32: sheet.crc32 ^ 1 }))).toBe(DAMAGED);
    await core.close();
  });

  it('refuses a zip of more parts than a workbook may have before listing them', async () => {
    const core = await newArchive(tempDir());
    const base = await good();
    const parts = Object.values((await JSZip.loadAsync(base)).files).filter((file) => !file.dir).length;
    expect(await refusedAtOpen(core, 'parts.xlsx', await withEmptyParts(base, WORKBOOK_LIMITS.parts - parts + 1))).toBe(`The workbook consists of more than 10,000 parts; ${SPLIT_IT}`);
    expect(await openSheet(core, '客户.xlsx', await withEmptyParts(base, WORKBOOK_LIMITS.parts - parts))).toMatchObject({ rowCount: 1 });
    await core.close();
  });

  it('never inflates a part it does not read', async () => {
    const core = await newArchive(tempDir());
    const bomb = partOver('', '<x/>', WORKBOOK_LIMITS.streamedPartBytes + 64 * MiB, '');
    const opened = await openSheet(core, '客户.xlsx', await withRawPart(await good(), 'xl/media/image1.xml', bomb));
    expect(opened).toMatchObject({ format: 'xlsx', rowCount: 1, headers: ['客户名称', '联系电话', '车架号（VIN）', '交车日期'] });
    expect(await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' })).toMatchObject({ imported: 1 });
    await core.close();
  });
});
