import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { inspectPdf } from '../helpers/pdf';
import { samplePdf } from '../helpers/scan-files';
import { ADMIN, expect, screenshot, signIn, test } from './fixtures';
import { seedCli, seedOrganisation, seedPassword } from './seed';

const HELD_TITLE = '赵六 沪C66666 售后档案';
const OTHER_TITLE = '钱七 沪D77777 售后档案';

async function openDossier(page: Page, title: string): Promise<void> {
  await page.getByTestId('dossier-table').getByText(title).click();
  await expect(page.getByTestId('dossier-drawer')).toContainText(title);
}

async function closeDossier(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').click();
  await expect(page.getByTestId('dossier-drawer')).toBeHidden();
}

test('a legal hold placed, seen in the list and on the dossier, refusing page removal, lifted by the legal officer; the dossier’s 四性 check printed', async ({ page, harness, cspViolations }) => {
  let archiveNumber = '';
  await page.goto(
    await harness.restart(async () => {
      const cli = seedCli(harness.dataDir);
      await seedOrganisation(cli, { users: [['clerk', '档案员小王', 'clerk', 'DAS'], ['fawu', '法务老李', 'legal', 'DAS']] });
      archiveNumber = await cli(['dossier', 'create', '--title', HELD_TITLE]);
      await cli(['dossier', 'create', '--title', OTHER_TITLE]);
      const file = join(harness.dataDir, '..', '维修合同.pdf');
      writeFileSync(file, await samplePdf(2, 'REPAIR-CONTRACT-0042'));
      await cli(['attach', archiveNumber, file]);
    }),
  );
  await signIn(page, 'clerk', seedPassword('clerk'));
  await page.getByTestId('main-menu').getByText('档案').click();
  await openDossier(page, HELD_TITLE);
  const drawer = page.getByTestId('dossier-drawer');

  // Place: begun, cancelled, begun again – the dialog opens empty – and placed.
  const place = page.getByTestId('place-hold-dialog');
  await drawer.getByTestId('place-hold').click();
  await place.getByTestId('hold-reason').fill('写了一半的原因');
  await place.getByRole('button', { name: '取消' }).click();
  await expect(place).toBeHidden();
  await drawer.getByTestId('place-hold').click();
  await expect(place.getByTestId('hold-reason')).toHaveValue('');
  await place.getByRole('button', { name: '采取诉讼保全' }).click();
  await expect(place).toContainText('请填写原因');
  await place.getByTestId('hold-reason').fill('法院调取证据通知');
  await place.getByTestId('hold-case').fill('(2026)沪0101民初123号');
  await screenshot(page, 'hold-01-place-dialog');
  await place.getByRole('button', { name: '采取诉讼保全' }).click();
  await expect(page.getByText(`档案 ${archiveNumber} 已采取诉讼保全`)).toBeVisible();
  const inForce = drawer.getByTestId('hold-in-force');
  await expect(inForce).toContainText('诉讼保全中');
  await expect(inForce).toContainText('法院调取证据通知');
  await expect(inForce).toContainText('(2026)沪0101民初123号');
  await expect(inForce).toContainText('档案员小王');
  // The clerk places holds but does not lift them.
  await expect(drawer.getByTestId('lift-hold')).toHaveCount(0);
  await screenshot(page, 'hold-02-on-the-dossier');

  // Removing a page is refused, with the reason.
  await drawer.getByRole('tab', { name: /扫描件/ }).click();
  await drawer.locator('[data-testid^="select-page-"]').first().check();
  await drawer.getByTestId('remove-pages').click();
  const remove = page.getByTestId('remove-pages-dialog');
  await remove.getByTestId('remove-reason').fill('重复扫描');
  await remove.getByRole('button', { name: '移除', exact: true }).click();
  await expect(remove).toContainText('处于诉讼保全中，解除保全之前不能鉴定、销毁或移除页面');
  await screenshot(page, 'hold-03-removal-refused');
  await remove.getByRole('button', { name: '取消' }).click();
  await closeDossier(page);

  // In the list: the tag, and the filter.
  const table = page.getByTestId('dossier-table');
  await expect(table.getByRole('row').filter({ hasText: HELD_TITLE }).getByTestId('held-tag')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: OTHER_TITLE }).getByTestId('held-tag')).toHaveCount(0);
  await page.getByTestId('held-filter').click();
  await expect(table.getByRole('row').filter({ hasText: OTHER_TITLE })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: HELD_TITLE })).toHaveCount(1);
  await screenshot(page, 'hold-04-list-filtered');
  await page.getByTestId('held-filter').click();

  // The place dialog on another dossier opens empty too.
  await openDossier(page, OTHER_TITLE);
  await drawer.getByTestId('place-hold').click();
  await expect(place.getByTestId('hold-reason')).toHaveValue('');
  await expect(place.getByTestId('hold-case')).toHaveValue('');
  await place.getByRole('button', { name: '取消' }).click();
  await closeDossier(page);

  // The legal officer lifts it; the lift stays in the dossier's history.
  await page.getByTestId('lock-button').click();
  await signIn(page, 'fawu', seedPassword('fawu'));
  await page.getByTestId('main-menu').getByText('档案').click();
  await openDossier(page, HELD_TITLE);
  await drawer.getByTestId('lift-hold').click();
  const lift = page.getByTestId('lift-hold-dialog');
  await expect(lift).toContainText('法院调取证据通知');
  await lift.getByTestId('lift-reason').fill('案件已审结');
  await lift.getByRole('button', { name: '解除保全' }).click();
  await expect(page.getByText(`档案 ${archiveNumber} 的诉讼保全已解除`)).toBeVisible();
  await expect(drawer.getByTestId('hold-in-force')).toHaveCount(0);
  await drawer.getByTestId('hold-history').getByText('已解除的保全（1）').click();
  await expect(drawer.getByTestId('hold-history')).toContainText('法务老李');
  await expect(drawer.getByTestId('hold-history')).toContainText('案件已审结');
  await screenshot(page, 'hold-05-lifted');
  await closeDossier(page);

  // The 四性 check of the dossier, by the clerk who may export it: passed, and printed.
  await page.getByTestId('lock-button').click();
  await signIn(page, 'clerk', seedPassword('clerk'));
  await page.getByTestId('main-menu').getByText('档案').click();
  await openDossier(page, HELD_TITLE);
  await drawer.getByTestId('dossier-check').click();
  const result = page.getByTestId('check-result');
  await expect(result.getByTestId('check-verdict')).toContainText('全部通过');
  await expect(result.getByTestId('check-items')).toContainText('每一页都能显示');
  await screenshot(page, 'hold-06-check-result');
  const download = page.waitForEvent('download');
  await result.getByTestId('check-pdf').click();
  const text = inspectPdf(readFileSync(await (await download).path())).text;
  expect(text).toContain('电子档案四性检测报告');
  expect(text).toContain(archiveNumber);
  expect(text).toContain('全部通过');
  await result.getByRole('button', { name: '关闭', exact: true }).and(result.locator('.ant-btn-primary')).click();
  await expect(result).toBeHidden();
  await closeDossier(page);

  // The administrator checks the whole archive from the audit page.
  await page.getByTestId('lock-button').click();
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByTestId('main-menu').getByText('审计').click();
  await page.getByTestId('four-check-button').click();
  const dialog = page.getByTestId('four-check-dialog');
  await expect(dialog).toContainText('全部档案');
  await dialog.getByRole('button', { name: '开始检测' }).click();
  await expect(result.getByTestId('check-verdict')).toContainText('2 份档案，1 个扫描文件，2 页');
  await expect(result.getByTestId('check-verdict')).toContainText('全部通过');
  await screenshot(page, 'hold-07-archive-check');
  expect(cspViolations).toEqual([]);
});
