import { createArchive, expect, screenshot, test } from './fixtures';

test('a minute before the idle lock the window warns that unsaved work would be lost; one click keeps the session', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  // The shortest lock: one minute, so the warning comes for its last half.
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '安全策略' }).click();
  const minutes = page.getByTestId('setting-idleLockMinutes');
  await minutes.fill('1');
  await minutes.locator('xpath=ancestor::form').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  // Nobody touches the window: the warning comes and counts down.
  const warning = page.getByRole('dialog', { name: '即将自动锁定' });
  await expect(warning).toBeVisible({ timeout: 60_000 });
  await expect(warning).toContainText('秒后自动锁定');
  await expect(warning).toContainText('高拍仪拍摄但未归档的页面');
  await screenshot(page, 'idle-lock-01-warning');
  await warning.getByRole('button', { name: '继续工作' }).click();
  await expect(warning).toBeHidden();
  // The session goes on: after the minute the warning spoke of, the archive is still open.
  await page.waitForTimeout(35_000);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await page.getByTestId('main-menu').getByText('档案', { exact: true }).click();
  await expect(page.getByTestId('dossier-table')).toBeVisible();
  expect(cspViolations).toEqual([]);
});
