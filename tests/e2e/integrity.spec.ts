import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, createArchive, createDossier, expect, screenshot, signIn, test } from './fixtures';

test('an archive put back to an older copy: every screen says so, writing waits, the administrator accepts it', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  await createDossier(page, '回退之前的档案');
  const database = join(harness.dataDir, 'archive.db');
  const old = join(harness.dataDir, '..', 'old.db');
  await page.goto(await harness.restart(() => copyFileSync(database, old)));
  await signIn(page, ADMIN.login, ADMIN.password);
  const lost = await createDossier(page, '只在新文件里的档案');
  await page.goto(await harness.restart(() => copyFileSync(old, database)));
  await signIn(page, ADMIN.login, ADMIN.password);

  const banner = page.getByTestId('condition-banner');
  await expect(banner).toContainText('档案库已回退到较早的状态，暂停写入');
  await expect(banner).toContainText('已发出但缺失的档号');
  await expect(page.getByText('回退之前的档案')).toBeVisible();
  await screenshot(page, 'integrity-01-rolled-back');

  await page.getByTestId('create-dossier').click();
  const dialog = page.getByRole('dialog', { name: '新建档案' });
  await dialog.getByLabel('案卷题名').fill('回退时的新档案');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByText(/档案库已回退：数据库只到审计事件/).last()).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.getByTestId('accept-rollback').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(banner).toBeHidden();
  const next = await createDossier(page, '接受回退之后的档案');
  expect(next > lost).toBe(true);
  await screenshot(page, 'integrity-02-accepted');
  expect(cspViolations).toEqual([]);
});
