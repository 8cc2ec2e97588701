import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inspectPdf } from '../helpers/pdf';
import { expect, screenshot, signIn, test } from './fixtures';
import { DISPOSAL, expiredServiceDossier, seedCli, seedOrganisation, seedPassword } from './seed';

async function switchUser(page: Page, login: string): Promise<void> {
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(page, login, seedPassword(login));
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

async function openList(page: Page, number: string): Promise<void> {
  await page.getByTestId('main-menu').getByText('鉴定销毁').click();
  await page.getByRole('tab', { name: '销毁清册' }).click();
  await page.getByTestId(`disposal-open-${number}`).click();
  await expect(page.getByTestId('disposal-list-number')).toHaveText(number);
}

test('an appraisal and a destruction list printed', async ({ page, harness, cspViolations }) => {
  let numbers: string[] = [];
  await page.goto(
    await harness.restart(async () => {
      numbers = await seedOrganisation(seedCli(harness.dataDir), DISPOSAL, {
        dossiers: [expiredServiceDossier('过期甲', '2014-03-01'), expiredServiceDossier('过期乙', '2015-06-01'), expiredServiceDossier('在保丙', '2026-09-30')],
      });
    }),
  );
  const [expired, older, kept] = numbers as [string, string, string];
  await signIn(page, 'clerk', seedPassword('clerk'));
  await page.getByTestId('main-menu').getByText('鉴定销毁').click();

  // Due for appraisal: the two serviced more than ten years ago, not the one still kept.
  const due = page.getByTestId('disposal-due');
  await expect(due).toContainText(expired);
  await expect(due).toContainText(older);
  await expect(due).not.toContainText(kept);
  await expect(page.getByTestId('disposal-year-2024')).toContainText('2024 年：1 份');
  await due.locator(`input[name="${expired}"]`).check();
  await due.locator(`input[name="${older}"]`).check();
  await page.getByTestId('disposal-appraise').click();
  await page.getByTestId('appraisal-reason').fill('保管期满，经鉴定无继续保存价值');
  await page.getByTestId('appraisal-committee').fill('陈经理、王专员、法务赵律师');
  await screenshot(page, 'disposal-01-appraisal');
  await page.getByTestId('appraisal-ok').click();
  await expect(page.getByText('已鉴定 2 份档案')).toBeVisible();
  await expect(due).toContainText('销毁');

  // The destruction list of both, shredded.
  await page.getByRole('tab', { name: '销毁清册' }).click();
  const awaiting = page.getByTestId('disposal-awaiting');
  await awaiting.locator(`input[name="${expired}"]`).check();
  await awaiting.locator(`input[name="${older}"]`).check();
  await page.getByTestId('disposal-create').click();
  const number = `XH-${new Date().getFullYear()}-001`;
  await expect(page.getByTestId('disposal-list-number')).toHaveText(number);
  await expect(page.getByTestId('disposal-list-state')).toHaveText('审批中');
  await expect(page.getByTestId('disposal-list-items')).toContainText(expired);
  await screenshot(page, 'disposal-02-list');

  // The archive head, then the general manager, approve in turn.
  await switchUser(page, 'kefu');
  await openList(page, number);
  await page.getByTestId('disposal-comment').fill('同意销毁');
  await page.getByTestId('disposal-approve').click();
  await expect(page.getByText('待总经理审批')).toBeVisible();
  await switchUser(page, 'zjl');
  await openList(page, number);
  await page.getByTestId('disposal-approve').click();
  await expect(page.getByTestId('disposal-list-state')).toHaveText('已批准，待销毁');

  // Carried out before two witnesses, each with their own password.
  await switchUser(page, 'clerk');
  await openList(page, number);
  await page.getByTestId('witness-1-login').fill('jianxiao1');
  await page.getByTestId('witness-1-password').fill(seedPassword('jianxiao1'));
  await page.getByTestId('witness-2-login').fill('jianxiao2');
  await page.getByTestId('witness-2-password').fill(seedPassword('jianxiao2'));
  await screenshot(page, 'disposal-03-witnesses');
  await page.getByTestId('disposal-carry-out').click();
  await expect(page.getByTestId('disposal-list-state')).toHaveText('已销毁');
  await expect(page.getByTestId('disposal-destruction')).toContainText('监销人老李、监销人老赵');

  const download = page.waitForEvent('download');
  await page.getByTestId('disposal-print').click();
  const pdf = inspectPdf(readFileSync(await (await download).path()));
  const text = pdf.text.replace(/\s+/g, '');
  for (const words of ['档案销毁清册', number, expired, older, '粉碎', '客服部陈经理同意（同意销毁）', '周总经理同意', '监销人老李、监销人老赵', '2014-03-01至2024-03-01']) expect(text).toContain(words);
  await screenshot(page, 'disposal-04-carried-out');

  // The catalogue keeps the dossier: 已销毁 with the list's number.
  await page.getByTestId('main-menu').getByText('档案').click();
  await expect(page.getByTestId('dossier-table')).toContainText(`已销毁 · ${number}`);
  await page.getByTestId('dossier-table').getByText('过期甲', { exact: false }).first().click();
  await expect(page.getByTestId('dossier-drawer')).toContainText('已销毁');
  await expect(page.getByTestId('destroyed-by').first()).toContainText(number);
  await screenshot(page, 'disposal-05-dossier');
  await page.locator('.ant-drawer-close').click();

  // In English.
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByTestId('main-menu').getByText('Disposal', { exact: true }).click();
  await page.getByRole('tab', { name: 'Destruction lists' }).click();
  await expect(page.getByTestId('disposal-lists')).toContainText('Destroyed');
  await page.getByTestId(`disposal-open-${number}`).click();
  await expect(page.getByTestId('disposal-destruction')).toContainText('Witnesses');
  await screenshot(page, 'disposal-06-english');
  expect(cspViolations).toEqual([]);
});
