import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inspectPdf } from '../helpers/pdf';
import { expect, screenshot, signIn, test } from './fixtures';
import { SALES, seedCli, seedOrganisation, seedPassword } from './seed';

const SHELF_1 = 3;
const SHELF_2 = 4;

/**
 * Room A, cabinet 01, shelves 1 and 2: four dossiers on shelf 1 (the fourth out on loan), one on
 * shelf 2, one more on shelf 1 – made from the command line's core while the harness is stopped.
 */
async function seed(dataDir: string): Promise<string[]> {
  const dossiers = ['张三 新车档案', '李四 新车档案', '王五 新车档案', '赵六 新车档案', '钱七 新车档案', '孙八 新车档案'].map((title) => ({ title, level: 1, departmentCode: 'XSB' }));
  const shelve = (n: number, locationId: number) => ({ channel: 'dossier:set-location' as const, input: { archiveNumber: `$dossier:${n}`, locationId } });
  return seedOrganisation(seedCli(dataDir), SALES, {
    dossiers,
    calls: [
      { channel: 'location:create', input: { parentId: null, code: 'A', name: '一号库房' } },
      { channel: 'location:create', input: { parentId: 1, code: '01', name: '1号柜' } },
      { channel: 'location:create', input: { parentId: 2, code: '1', name: '第1层' } },
      { channel: 'location:create', input: { parentId: 2, code: '2', name: '第2层' } },
      shelve(0, SHELF_1),
      shelve(1, SHELF_1),
      shelve(2, SHELF_1),
      shelve(3, SHELF_1),
      shelve(4, SHELF_2),
      shelve(5, SHELF_1),
      { by: 'clerk', channel: 'approval:request', input: { archiveNumber: '$dossier:3', kind: 'loan', purpose: '核对合同', requester: 'li', days: 2 } },
      { by: 'xsdm', channel: 'approval:decide', input: { id: 1, decision: 'approve' } },
      { by: 'clerk', channel: 'loan:checkout', input: { requestId: 1, signature: { name: '李' } } },
    ],
  });
}

/** Types as a USB scanner gun does: keystrokes into the focused box, then Enter. */
async function scan(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId('stocktake-scan')).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a stocktake of one shelf with typed scans', async ({ page, harness, cspViolations }) => {
  let numbers: string[] = [];
  await page.goto(await harness.restart(async () => {
    numbers = await seed(harness.dataDir);
  }));
  const [zhang, li, wang, , qian, sun] = numbers as [string, string, string, string, string, string];
  await signIn(page, 'clerk', seedPassword('clerk'));
  await page.getByTestId('main-menu').getByText('盘点').click();
  await page.getByTestId('stocktake-place-picker').click();
  await page.locator('.ant-select-tree').getByText('1 第1层').click();
  await page.getByTestId('stocktake-start').click();
  await expect(page.getByTestId('stocktake-place')).toContainText('A-01-1 一号库房 / 1号柜 / 第1层');
  await expect(page.getByTestId('total-expected')).toContainText('5');
  await expect(page.getByTestId('total-away')).toContainText('1');

  await scan(page, zhang);
  await expect(page.getByTestId('stocktake-said')).toContainText(`${zhang} 在位`);
  await scan(page, qian);
  await expect(page.getByTestId('stocktake-said')).toContainText(`${qian} 错架：应在 A-01-2 一号库房 / 1号柜 / 第2层`);
  await scan(page, 'KH-1999-000099');
  await expect(page.getByTestId('stocktake-said')).toContainText('系统中查不到档号 KH-1999-000099');
  await scan(page, li);
  await scan(page, zhang);
  await expect(page.getByTestId('stocktake-said')).toContainText('不重复计数');
  await expect(page.getByTestId('total-found')).toContainText('2');
  await expect(page.getByTestId('total-missing')).toContainText('2');
  await expect(page.getByTestId('total-misplaced')).toContainText('1');
  await expect(page.getByTestId('total-repeats')).toContainText('1');
  await page.getByRole('tab', { name: /仍缺失/ }).click();
  await expect(page.getByTestId('stocktake-missing')).toContainText(wang);
  await expect(page.getByTestId('stocktake-missing')).toContainText(sun);
  await screenshot(page, 'stocktake-01-scanning');
  await page.getByRole('tab', { name: /借出未还/ }).click();
  await expect(page.getByTestId('stocktake-away')).toContainText('销售小李（销售部）');

  // Left and resumed: the reload opens the same stocktake with every scan kept.
  await page.reload();
  await expect(page.getByTestId('total-found')).toContainText('2');
  await scan(page, wang);
  await expect(page.getByTestId('total-missing')).toContainText('1');

  // Finish, moving the misplaced dossier here; then the report.
  await page.getByTestId('stocktake-finish').click();
  await expect(page.getByTestId('correct-locations')).toBeChecked();
  await screenshot(page, 'stocktake-02-finish');
  await page.getByRole('button', { name: '结束盘点' }).last().click();
  await expect(page.getByText('已纠正 1 份档案的存放位置')).toBeVisible();
  await expect(page.getByTestId('stocktake-scan')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('stocktake-report-pdf').click();
  const pdf = inspectPdf(readFileSync(await (await download).path()));
  const text = pdf.text.replace(/\s+/g, '');
  for (const words of ['档案盘点报告', `${qian}`, '应在：A-01-2', '借出登记：销售小李（销售部）', '缺失1', '位置纠正：1份', sun]) expect(text).toContain(words.replace(/\s+/g, ''));
  await screenshot(page, 'stocktake-03-finished');

  // The move is on the dossier: it now stands on shelf 1.
  await page.getByTestId('main-menu').getByText('档案').click();
  await page.getByTestId('dossier-table').getByText('钱七 新车档案').click();
  await expect(page.getByTestId('shelf-picker')).toContainText('A-01-1 第1层');
  await page.keyboard.press('Escape');

  // In English.
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByTestId('main-menu').getByText('Stocktake').click();
  await page.getByTestId('stocktake-open-1').click();
  await expect(page.getByTestId('total-misplaced')).toContainText('1');
  await expect(page.getByText('Locations corrected: 1')).toBeVisible();
  await screenshot(page, 'stocktake-04-english');
  expect(cspViolations).toEqual([]);
});
