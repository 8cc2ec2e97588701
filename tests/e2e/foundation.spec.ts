import { ADMIN, createArchive, createDossier, expect, screenshot, signIn, test } from './fixtures';

test('first run, create a dossier, reload, restart, lock and sign in again', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);

  // First run: no archive yet.
  await expect(page.getByRole('heading', { name: '客户档案管理系统' })).toBeVisible();
  await expect(page.getByText('创建档案库').first()).toBeVisible();
  await expect(page.getByTestId('data-dir')).toContainText(harness.dataDir);
  await screenshot(page, 'foundation-01-first-run');

  // The form checks what it can before the core does.
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('姓名').fill('王档案');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('different');
  await page.getByRole('button', { name: '创建档案库' }).click();
  await expect(page.getByText('密码至少 8 个字符')).toBeVisible();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await screenshot(page, 'foundation-02-first-run-validation');

  await createArchive(page);
  await expect(page.getByTestId('empty-state')).toHaveText('暂无档案');
  await screenshot(page, 'foundation-03-empty-list');

  const first = await createDossier(page, '张三 沪A12345 新车档案');
  const year = new Date().getFullYear();
  expect(first).toBe(`KH-${year}-000001`);
  const table = page.getByTestId('dossier-table');
  await expect(table.getByRole('row', { name: new RegExp(first) })).toContainText('张三 沪A12345 新车档案');
  const second = await createDossier(page, '李四 房产客户档案 滨江苑-3-2-1501');
  expect(second).toBe(`KH-${year}-000002`);
  await expect(page.getByTestId('dossier-total')).toHaveText('共 2 份');
  await screenshot(page, 'foundation-04-list');

  // Search narrows the list.
  await page.getByTestId('dossier-search').locator('input').fill('李四');
  await expect(page.getByTestId('dossier-total')).toHaveText('共 1 份');
  await expect(table).toContainText(second);
  await expect(table).not.toContainText(first);
  await page.getByTestId('dossier-search').locator('input').fill('');

  // A reload keeps the session (it lives in the core, not in the page) and the data.
  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  await expect(table).toContainText(first);

  // A restart of the program: the archive is locked, the data survives.
  const url = await harness.restart();
  await page.goto(url);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(table).toContainText(first);
  await expect(table).toContainText(second);

  // Lock on demand, then sign in again.
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-notice')).toHaveText('档案库已锁定，请重新登录。');
  await expect(page.getByLabel('登录名')).toHaveValue(ADMIN.login);
  await screenshot(page, 'foundation-05-locked');
  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('dossier-total')).toHaveText('共 2 份');

  expect(cspViolations).toEqual([]);
});

test('a wrong password is refused with a clear message', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  await page.getByTestId('lock-button').click();

  await signIn(page, ADMIN.login, 'not-the-password');
  await expect(page.getByTestId('form-error')).toHaveText('用户名或密码错误');
  await expect(page.getByLabel('密码')).toHaveValue('');
  await screenshot(page, 'foundation-06-wrong-password');

  await signIn(page, 'nobody', ADMIN.password);
  await expect(page.getByTestId('form-error')).toHaveText('用户名或密码错误');

  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  expect(cspViolations).toEqual([]);
});

test('English can be chosen and is remembered', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Customer Dossier Management' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Login name').fill(ADMIN.login);
  await page.getByLabel('Name', { exact: true }).fill(ADMIN.displayName);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create archive' }).click();
  await expect(page.getByTestId('empty-state')).toHaveText('No dossiers yet');

  await page.reload();
  await expect(page.getByTestId('empty-state')).toHaveText('No dossiers yet');
  await screenshot(page, 'foundation-07-english');

  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await expect(page.getByTestId('empty-state')).toHaveText('暂无档案');
});
