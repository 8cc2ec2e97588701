import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { damagePage, pagesOf } from '../helpers/archive-faults';
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

test('a damaged search index, found by the check after sign-in: writing stops, the administrator rebuilds it from the window', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  for (const title of ['张三的新车档案', '张三的售后档案']) await createDossier(page, title);
  await page.goto(
    await harness.restart(async () => {
      const pages = await pagesOf(harness.dataDir, 'search_grams_data');
      damagePage(harness.dataDir, pages.at(-1) ?? 0);
    }),
  );
  await signIn(page, ADMIN.login, ADMIN.password);
  await expect.poll(() => existsSync(join(harness.dataDir, 'damage.json')), { timeout: 20_000 }).toBe(true);

  await page.getByTestId('create-dossier').click();
  const dialog = page.getByRole('dialog', { name: '新建档案' });
  await dialog.getByLabel('案卷题名').fill('损坏时的新档案');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByText(/档案库文件已损坏，.* 发现（损坏的部分：search_grams_data）/).last()).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  const banner = page.getByTestId('condition-banner');
  await expect(banner).toContainText('档案库文件已损坏，暂停写入');
  await screenshot(page, 'integrity-03-damaged');

  await page.getByTestId('repair-index').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await expect(banner).toBeHidden();
  await page.getByPlaceholder(/搜索档号/).fill('张三');
  await page.getByPlaceholder(/搜索档号/).press('Enter');
  await expect(page.getByText('共 2 份')).toBeVisible();
  await createDossier(page, '修复之后的档案');
  await screenshot(page, 'integrity-04-repaired');
  expect(cspViolations).toEqual([]);
});

test('a damaged index that sign-in reads: the sign-in page names it, the administrator rebuilds it and is signed in', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  await createDossier(page, '张三的新车档案');
  await page.goto(
    await harness.restart(async () => {
      const pages = await pagesOf(harness.dataDir, 'audit_events_action_idx');
      damagePage(harness.dataDir, pages.at(-1) ?? 0);
    }),
  );
  await page.getByLabel('登录名').fill(ADMIN.login);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('form-error')).toContainText('损坏的只是索引（audit_events_action_idx）');
  await screenshot(page, 'integrity-05-sign-in-damaged');

  // The password was right: it stays for the repair.
  await expect(page.getByLabel('密码')).toHaveValue(ADMIN.password);
  await page.getByTestId('login-repair').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(page.getByText('已重建索引：audit_events_action_idx')).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await expect(page.getByTestId('condition-banner')).toBeHidden();
  await createDossier(page, '修复之后的档案');
  await screenshot(page, 'integrity-06-sign-in-repaired');
  expect(cspViolations).toEqual([]);
});
