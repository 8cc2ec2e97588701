import { createArchive, expect, screenshot, test } from './fixtures';

test('the administrator sets the company name printed at the head of the registers; it stays after a reload', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '安全策略' }).click();

  const field = page.getByTestId('company-name');
  await expect(field).toHaveValue('');
  await field.fill('上海浦江汽车销售服务有限公司');
  await field.locator('xpath=ancestor::form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await screenshot(page, 'company-name-00-saved');

  await page.reload();
  await page.getByRole('tab', { name: '安全策略' }).click();
  await expect(page.getByTestId('company-name')).toHaveValue('上海浦江汽车销售服务有限公司');
  expect(cspViolations).toEqual([]);
});
