import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { inspectPdf } from '../helpers/pdf';
import { createArchive, createDossier, expect, screenshot, test } from './fixtures';

async function exportList(page: Page, choice: 'xlsx' | 'pdf'): Promise<Download> {
  await page.getByTestId('export-list').click();
  const download = page.waitForEvent('download');
  await page.getByTestId(`export-list-${choice}`).click();
  return download;
}

test('the dossier list, as searched, exports to an Excel sheet and a printable 案卷目录 with the 机密 remark', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  const secret = await createDossier(page, '张三 沪A12345 机密档案', { level: '机密' });
  const plain = await createDossier(page, '张三 售后记录');
  await createDossier(page, '李四 内部档案');

  await page.getByTestId('dossier-search').locator('input').fill('张三');
  await expect(page.getByTestId('dossier-total')).toHaveText('共 2 份');
  await page.getByTestId('export-list').click();
  await expect(page.getByTestId('export-list-pdf')).toBeVisible();
  await screenshot(page, 'list-export-01-menu');
  await page.keyboard.press('Escape');

  const sheetDownload = await exportList(page, 'xlsx');
  expect(sheetDownload.suggestedFilename()).toMatch(/^案卷目录-\d{8}-\d{4}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await sheetDownload.path()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet?.getCell('A2').value).toBe('范围：检索“张三”；按建档时间降序');
  expect(sheet?.getRow(4).values).toEqual([undefined, '序号', '档号', '案卷题名', '档案类型', '密级', '部门', '建档日期', '保管期限', '备注']);
  // Newest first, as on screen; the 机密 dossier marked in the remark column; 李四 not searched for.
  expect([sheet?.getCell('B5').value, sheet?.getCell('B6').value]).toEqual([plain, secret]);
  expect(sheet?.getCell('I6').value).toBe('机密');
  expect(sheet?.getCell('A8').value).toBe('本目录共 2 份档案。');
  await expect(page.getByText('已导出当前列表')).toBeVisible();

  const pdfDownload = await exportList(page, 'pdf');
  expect(pdfDownload.suggestedFilename()).toMatch(/^案卷目录-\d{8}-\d{4}\.pdf$/);
  const pdf = inspectPdf(readFileSync(await pdfDownload.path()));
  expect(pdf.text.split('\n')[0]).toBe('案卷目录 机密');
  expect(pdf.text).toContain('范围：检索“张三”；按建档时间降序');
  expect(pdf.text).toContain(`${secret} 张三 沪A12345 机密档案 机密 档案室`);
  expect(pdf.text).not.toContain('李四');
  expect(pdf.text).toContain('第 1 页 共 1 页');
  expect(pdf.info).toMatch(/Watermark:\s+王档案（admin） 档案室/);
  await screenshot(page, 'list-export-02-done');
  expect(cspViolations).toEqual([]);
});
