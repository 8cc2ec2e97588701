import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inspectPdf } from '../helpers/pdf';
import { expect, screenshot, signIn, test } from './fixtures';
import { SALES, seedCli, seedOrganisation, seedPassword } from './seed';
import { drawSignature } from './signature-pad';


/** An organisation and one dossier with two documents, made from the command line while the harness is stopped. */
async function seed(dataDir: string): Promise<string> {
  const cli = seedCli(dataDir);
  await seedOrganisation(cli, SALES);
  const number = await cli(['dossier', 'create', '--title', '张三 沪A12345 新车档案', '--level', '内部', '--department', 'XSB']);
  await cli(['document', 'add', number, '--title', '销售合同', '--pages', '12']);
  await cli(['document', 'add', number, '--title', '购车发票', '--pages', '1']);
  return number;
}

async function switchUser(page: Page, login: string): Promise<void> {
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(page, login, seedPassword(login));
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

/** Types the number as a USB scanner gun does: keystrokes, then Enter. */
async function scan(page: Page, archiveNumber: string): Promise<void> {
  const field = page.getByTestId('desk-scanner');
  await expect(field).toBeFocused();
  await page.keyboard.type(archiveNumber);
  await page.keyboard.press('Enter');
}

test('a loan: requested by a salesman, approved by his manager, handed out by scanning, returned with pages missing', async ({ page, harness, cspViolations }) => {
  let archiveNumber = '';
  await page.goto(await harness.restart(async () => {
    archiveNumber = await seed(harness.dataDir);
  }));

  // The salesman asks for the dossier.
  await signIn(page, 'li', seedPassword('li'));
  await page.getByTestId('dossier-table').getByText('张三 沪A12345 新车档案').click();
  await page.getByTestId('request-button').click();
  await page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: '借阅' }).click();
  const request = page.getByTestId('request-dialog');
  await request.getByTestId('request-purpose').fill('核对合同条款');
  await request.getByLabel('期限').fill('2');
  await request.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText(/已提交借阅申请/)).toBeVisible();
  await page.locator('.ant-drawer-close').click();

  // His manager starts at the workbench, where the request waits; he approves it from the inbox.
  await switchUser(page, 'xsdm');
  await expect(page.getByTestId('bench-to-decide')).toContainText('张三 沪A12345 新车档案');
  await screenshot(page, 'loans-00-workbench');
  await page.getByTestId('bench-to-decide').getByRole('button', { name: '去办理' }).click();
  await expect(page.getByTestId('approvals-page')).toBeVisible();
  await page.getByTestId('approval-inbox').getByRole('button', { name: '审批' }).click();
  await page.getByTestId('decide-dialog').getByTestId('approve-button').click();
  await expect(page.getByTestId('approval-inbox')).not.toContainText('张三 沪A12345');

  // The clerk scans the folder's label at the desk and hands it out; the focus stays on the number.
  await switchUser(page, 'clerk');
  await page.getByTestId('main-menu').getByText('借阅').click();
  await scan(page, archiveNumber);
  await expect(page.getByTestId('desk-queue')).toContainText('销售小李');
  await screenshot(page, 'loans-01-desk-queue');
  await page.getByTestId('desk-queue').getByRole('button', { name: '借出' }).click();
  const checkout = page.getByTestId('checkout-dialog');
  await expect(checkout.getByTestId('checkout-signature-name')).toHaveValue('销售小李');
  await drawSignature(page, 'checkout-signature');
  await expect(checkout.getByTestId('checkout-signature')).toContainText('已手写签名');
  await checkout.getByRole('button', { name: '借出' }).click();
  await expect(page.getByText(/已借出（登记 \d+）/)).toBeVisible();
  await expect(page.getByTestId('desk-open-loan')).toContainText('销售小李（销售部）');
  await expect(page.getByTestId('desk-scanner')).toBeFocused();

  // He needs it longer: his renewal is approved, and the clerk renews the loan at the desk (续借).
  await switchUser(page, 'li');
  await page.getByTestId('main-menu').getByText('档案').click();
  await page.getByTestId('dossier-table').getByText('张三 沪A12345 新车档案').click();
  await page.getByTestId('request-button').click();
  await page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: '借阅' }).click();
  await request.getByTestId('request-purpose').fill('续借：合同条款尚未核完');
  await request.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText(/已提交借阅申请/)).toBeVisible();
  await page.locator('.ant-drawer-close').click();
  await switchUser(page, 'xsdm');
  await page.getByTestId('main-menu').getByText('审批').click();
  await page.getByTestId('approval-inbox').getByRole('button', { name: '审批' }).click();
  await page.getByTestId('decide-dialog').getByTestId('approve-button').click();
  await expect(page.getByTestId('approval-inbox')).not.toContainText('张三 沪A12345');
  await switchUser(page, 'clerk');
  await page.getByTestId('main-menu').getByText('借阅').click();
  await scan(page, archiveNumber);
  await expect(page.getByTestId('desk-open-loan')).toContainText('销售小李（销售部）');
  await screenshot(page, 'loans-01-desk-renewal');
  await page.getByTestId('desk-queue').getByRole('button', { name: '续借' }).click();
  const renewal = page.getByTestId('checkout-dialog');
  await expect(renewal).toContainText('续借登记');
  await renewal.getByRole('button', { name: '续借' }).click();
  await expect(page.getByText(/已续借（登记 \d+）/)).toBeVisible();
  await expect(page.getByTestId('desk-queue')).toContainText('没有待借出的申请');
  await expect(page.getByTestId('desk-open-loan')).toContainText('销售小李（销售部）');

  // It comes back two pages short.
  await page.getByTestId('desk-scanner').fill('');
  await scan(page, archiveNumber);
  await page.getByTestId('take-back').click();
  const back = page.getByTestId('return-dialog');
  await back.getByRole('row', { name: /销售合同/ }).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible').getByText('缺页', { exact: true }).click();
  await back.getByRole('row', { name: /销售合同/ }).locator('input.ant-input-number-input').fill('10');
  await back.getByRole('row', { name: /销售合同/ }).locator('input.ant-input').fill('缺第 11、12 页');
  await drawSignature(page, 'return-signature');
  await screenshot(page, 'loans-02-return');
  await back.getByRole('button', { name: '归还注销' }).click();
  await expect(page.getByText(/已归还注销/)).toBeVisible();
  await expect(page.getByTestId('desk-dossier')).toContainText('在库');

  await page.getByRole('tab', { name: '外借登记册' }).click();
  const register = page.getByTestId('loan-register');
  await expect(register).toContainText('已归还');
  await expect(register).toContainText('销售合同：缺页（10/12） 缺第 11、12 页');
  // Two entries – the renewed one, and the loan it became – with the drawn signatures kept: the first hand-out's and the return's.
  await expect(register.getByText('已归还', { exact: true })).toHaveCount(2);
  await expect(register.getByText('签名：销售小李（手写）')).toHaveCount(2);
  await screenshot(page, 'loans-03-register');

  // The register printed for the auditor: the entry, the shortage, the signature lines – as text.
  await page.getByTestId('export-register-loans').click();
  const dialog = page.getByTestId('register-export-dialog');
  await expect(dialog.getByTestId('register-format').getByRole('radio', { name: 'PDF' })).toBeChecked();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^档案外借登记册-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}-\d{8}-\d{4}\.pdf$/);
  const printed = inspectPdf(readFileSync(await file.path()));
  const flat = printed.text.replace(/\s+/g, '');
  for (const text of ['档案外借登记册', archiveNumber, '张三沪A12345新车档案', '销售小李（销售部）', '销售合同缺页（实收10/12页）：缺第11、12页', '审核人', '审批人', '第1页共1页']) expect(flat).toContain(text);
  expect(printed.check).toContain('No syntax or stream encoding errors');

  // The two pages turn up: the return is corrected by a new entry with its reason; the return itself stays as written.
  await register.getByRole('row', { name: /缺页/ }).getByRole('button', { name: '更正' }).click();
  const correction = page.getByTestId('correct-return-dialog');
  await correction.getByRole('row', { name: /销售合同/ }).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible').getByText('齐全', { exact: true }).click();
  await correction.getByTestId('correct-reason').fill('第 11、12 页夹在发票中，已找到');
  await correction.getByRole('button', { name: '更正' }).click();
  await expect(register.getByTestId('loan-correction')).toContainText('已更正（档案员小王）：第 11、12 页夹在发票中，已找到');
  await expect(register).not.toContainText('缺页（10/12）');
  await screenshot(page, 'loans-04-corrected');
  expect(cspViolations).toEqual([]);
});
