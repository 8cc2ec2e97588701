import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inspectPdf } from '../helpers/pdf';
import { expect, screenshot, signIn, test } from './fixtures';
import { seedCli, seedOrganisation, seedPassword as password } from './seed';

/** The organisation, made while the harness is stopped: what an administrator set up before. */
async function seed(dataDir: string): Promise<void> {
  const cli = seedCli(dataDir);
  await seedOrganisation(cli, {
    departments: [['XSB', '销售部']],
    users: [
      ['clerk', '档案员小王', 'clerk', 'XSB'],
      ['xsdm', '销售部刘经理', 'dept-manager', 'XSB'],
      ['csm', '客服部陈经理', 'cs-manager', 'DAS'],
    ],
  });
  await cli(['dossier', 'create', '--title', '张三 沪A12345 合同纠纷材料', '--level', '秘密', '--department', 'XSB']);
}

async function closeDossier(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').click();
  await expect(page.getByTestId('dossier-drawer')).toBeHidden();
}

async function switchUser(page: Page, login: string): Promise<void> {
  // The dossier drawer, if open, covers the header.
  if (await page.getByTestId('dossier-drawer').isVisible()) await closeDossier(page);
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(page, login, password(login));
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

async function openDossier(page: Page, title: string): Promise<void> {
  await page.getByTestId('main-menu').getByText('档案').click();
  await page.getByTestId('dossier-table').getByText(title).click();
  await expect(page.getByTestId('dossier-drawer')).toContainText(title);
}

async function approveInInbox(page: Page, comment: string): Promise<void> {
  await page.getByTestId('main-menu').getByText('审批').click();
  const inbox = page.getByTestId('approval-inbox');
  await expect(inbox).toContainText('张三 沪A12345 合同纠纷材料');
  await inbox.getByRole('button', { name: '审批' }).click();
  const dialog = page.getByTestId('decide-dialog');
  await expect(dialog).toContainText('审计抽查，核对合同条款');
  await dialog.getByTestId('decision-comment').fill(comment);
  await dialog.getByTestId('approve-button').click();
  await expect(dialog).toBeHidden();
  await expect(inbox).not.toContainText('张三 沪A12345 合同纠纷材料');
}

test('a 秘密 export: refused, requested from the refusal, approved by the department manager and the CS manager, then done once', async ({ page, harness, cspViolations }) => {
  await page.goto(await harness.restart(() => seed(harness.dataDir)));
  await signIn(page, 'clerk', password('clerk'));
  await openDossier(page, '张三 沪A12345 合同纠纷材料');

  // The refusal leads to the request.
  await page.getByTestId('export-button').click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('导出此档案需要审批');
  await page.getByRole('button', { name: '申请导出审批' }).click();
  const request = page.getByTestId('request-dialog');
  await expect(request.getByTestId('request-kind').getByRole('radio', { name: '导出' })).toBeChecked();
  await request.getByTestId('request-purpose').fill('审计抽查，核对合同条款');
  await screenshot(page, 'approvals-01-request');
  await request.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText(/已提交导出申请（编号 \d+），等待审批/)).toBeVisible();
  await page.getByRole('tab', { name: '审批记录' }).click();
  const record = page.getByTestId('dossier-approvals');
  await expect(record).toContainText('待审批');
  await expect(record).toContainText('部门经理（销售部）');
  await expect(record).toContainText('客户服务部经理');
  await screenshot(page, 'approvals-02-dossier-record');

  // Cancelled and asked again: the dialog starts empty, not with the last request's purpose.
  await page.getByTestId('request-button').click();
  await page.getByRole('menuitem', { name: '复制' }).click();
  await expect(request.getByTestId('request-purpose')).toHaveValue('');
  await request.getByRole('button', { name: '取消' }).click();

  await switchUser(page, 'xsdm');
  await approveInInbox(page, '同意，限本次审计');
  await switchUser(page, 'csm');
  await page.getByTestId('main-menu').getByText('审批').click();
  await page.getByTestId('approval-inbox').getByRole('button', { name: '审批' }).click();
  await expect(page.getByTestId('decide-dialog')).toContainText('销售部刘经理 同意：同意，限本次审计');
  await screenshot(page, 'approvals-03-decide');
  await page.getByTestId('decide-dialog').getByRole('button', { name: '取消' }).click();
  await approveInInbox(page, '同意');

  await switchUser(page, 'clerk');
  await openDossier(page, '张三 沪A12345 合同纠纷材料');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const pdf = inspectPdf(readFileSync(await (await download).path()));
  expect(pdf.text).toContain('张三 沪A12345 合同纠纷材料');
  await page.getByRole('tab', { name: '审批记录' }).click();
  await expect(page.getByTestId('dossier-approvals')).toContainText('已使用');
  await closeDossier(page);
  await page.getByTestId('main-menu').getByText('审批').click();
  await expect(page.getByTestId('approval-mine')).toContainText('已使用');
  await screenshot(page, 'approvals-04-mine');
  expect(cspViolations).toEqual([]);
});
