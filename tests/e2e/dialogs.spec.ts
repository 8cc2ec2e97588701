import type { Locator, Page } from '@playwright/test';
import { choose, createArchive, expect, screenshot, test } from './fixtures';

/** Picks options of the multiple select of a field, after clearing what it holds. */
async function chooseRoles(page: Page, dialog: Locator, roles: string[]): Promise<void> {
  await dialog.getByLabel('角色').click();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Backspace');
  for (const role of roles) await page.locator('.ant-select-dropdown:visible').getByText(role, { exact: true }).click();
  await page.keyboard.press('Escape');
}

// Here the dialogs open and close as they do for most clerks, animated (the other tests turn animations off).
test.use({ reducedMotion: 'no-preference' });

test('dialogs open with exactly the record they edit, or empty: users created and edited in turn keep their own data', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '用户' }).click();

  // A first user with two roles.
  await page.getByTestId('add-user').click();
  let dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('登录名').fill('zhangsan');
  await dialog.getByLabel('姓名').fill('张三');
  await choose(page, '所属部门', '档案室（DAS）');
  await chooseRoles(page, dialog, ['档案管理员', '扫描员']);
  await dialog.getByLabel('初始密码').fill('initial-pass-1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const users = page.getByTestId('user-table');
  await expect(users.getByRole('row', { name: /zhangsan/ })).toContainText('扫描员');

  // 新建用户 again: nothing of 张三 is left in it – no login, no name, no password, only the default role.
  await page.getByTestId('add-user').click();
  dialog = page.getByRole('dialog', { name: '新建用户' });
  await expect(dialog.getByLabel('登录名')).toHaveValue('');
  await expect(dialog.getByLabel('姓名')).toHaveValue('');
  await expect(dialog.getByLabel('初始密码')).toHaveValue('');
  await expect(dialog.getByTestId('user-roles')).toContainText('员工');
  await expect(dialog.getByTestId('user-roles')).not.toContainText('扫描员');
  await screenshot(page, 'dialogs-01-new-user-empty');
  // A one-character login is told about its length, not its characters.
  await dialog.getByLabel('登录名').fill('l');
  await dialog.getByLabel('姓名').click();
  await expect(dialog.getByText('登录名为 2–32 个字符')).toBeVisible();
  await dialog.getByLabel('登录名').fill('lisi');
  await dialog.getByLabel('姓名').fill('李四');
  await choose(page, '所属部门', '档案室（DAS）');
  // A new user's password hint says nothing of a last password.
  await expect(dialog.getByText('至少 8 个字符。', { exact: true })).toBeVisible();
  await dialog.getByLabel('初始密码').fill('initial-pass-2');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(users.getByRole('row', { name: /lisi/ })).toContainText('员工');
  await expect(users.getByRole('row', { name: /lisi/ })).not.toContainText('扫描员');

  // 编辑 on 李四 shows 李四; cancel; 编辑 on 张三 shows 张三 – and saving changes only 张三.
  await users.getByRole('row', { name: /lisi/ }).getByRole('button', { name: '编辑' }).click();
  dialog = page.getByRole('dialog', { name: '编辑用户' });
  await expect(dialog.getByLabel('登录名')).toHaveValue('lisi');
  await expect(dialog.getByLabel('姓名')).toHaveValue('李四');
  await dialog.getByLabel('姓名').fill('李四（改了又取消）');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await users.getByRole('row', { name: /zhangsan/ }).getByRole('button', { name: '编辑' }).click();
  dialog = page.getByRole('dialog', { name: '编辑用户' });
  await expect(dialog.getByLabel('登录名')).toHaveValue('zhangsan');
  await expect(dialog.getByLabel('姓名')).toHaveValue('张三');
  await expect(dialog.getByTestId('user-roles')).toContainText('扫描员');
  await dialog.getByLabel('姓名').fill('张三丰');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(users.getByRole('row', { name: /zhangsan/ })).toContainText('张三丰');
  await expect(users.getByRole('row', { name: /lisi/ })).toContainText('李四');
  await expect(users.getByRole('row', { name: /lisi/ })).not.toContainText('张三丰');
  await expect(users.getByRole('row', { name: /lisi/ })).not.toContainText('扫描员');
  await screenshot(page, 'dialogs-02-users-after-edits');

  // Places: 编辑 a room, cancel, then 新建库房 and 添加下级 open empty.
  await page.getByRole('menuitem', { name: '库房' }).click();
  await page.getByTestId('add-room').click();
  await page.getByTestId('location-code').fill('A');
  await page.getByTestId('location-name').fill('一号库房');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  const places = page.getByTestId('locations');
  await expect(places).toContainText('一号库房');
  await places.getByRole('row', { name: /一号库房/ }).getByRole('button', { name: '编辑' }).click();
  await expect(page.getByTestId('location-name')).toHaveValue('一号库房');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByTestId('add-room').click();
  await expect(page.getByTestId('location-code')).toHaveValue('');
  await expect(page.getByTestId('location-name')).toHaveValue('');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await page.getByTestId('add-inside-A').click();
  await expect(page.getByTestId('location-name')).toHaveValue('');
  await screenshot(page, 'dialogs-03-add-inside-empty');

  expect(cspViolations).toEqual([]);
});
