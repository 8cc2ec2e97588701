import type { Page } from '@playwright/test';
import { choose, createArchive, createDossier, expect, screenshot, signIn, test } from './fixtures';

async function lock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

test('an administrator sets up a department and two users; clearance and roles decide what each sees', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);

  // A department …
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByTestId('add-department').click();
  const departmentDialog = page.getByRole('dialog', { name: '新建部门' });
  await departmentDialog.getByLabel('代码').fill('XSB');
  await departmentDialog.getByLabel('名称').fill('销售部');
  await departmentDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('department-table')).toContainText('销售部');

  // … and two users: a sales employee with clearance 内部, and an auditor.
  await page.getByRole('tab', { name: '用户' }).click();
  for (const user of [
    { login: 'zhangsan', name: '张三', department: '销售部（XSB）', role: '员工', clearance: '内部', password: 'initial-pass-1', forceChange: true },
    { login: 'liu', name: '审计员小刘', department: '档案室（DAS）', role: '审计员', clearance: '绝密', password: 'auditor-pass-1', forceChange: false },
  ]) {
    await page.getByTestId('add-user').click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('登录名').fill(user.login);
    await dialog.getByLabel('姓名').fill(user.name);
    await choose(page, '所属部门', user.department);
    await dialog.getByLabel('角色').click();
    await page.keyboard.press('Backspace'); // clear the default role
    await page.locator('.ant-select-dropdown:visible').getByText(user.role, { exact: true }).click();
    await page.keyboard.press('Escape');
    await choose(page, '知悉范围', user.clearance);
    await dialog.getByLabel('初始密码').fill(user.password);
    if (!user.forceChange) await dialog.getByText('首次登录须修改密码').click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('user-table')).toContainText(user.name);
  }
  await expect(page.getByTestId('user-table').getByRole('row', { name: /zhangsan/ })).toContainText('须改密码');
  await screenshot(page, 'access-01-users');

  // Two dossiers of the sales department: one 内部, one 机密.
  await page.getByTestId('main-menu').getByText('档案').click();
  await createDossier(page, '张三客户 沪A88888 新车档案', { department: '销售部（XSB）' });
  await createDossier(page, '天元计划 收购方案', { level: '机密', department: '销售部（XSB）' });
  await expect(page.getByTestId('dossier-table').getByRole('row', { name: /天元计划/ })).toContainText('机密');
  await screenshot(page, 'access-02-admin-list');
  await lock(page);

  // 张三 signs in, must set a password first, then sees only what clearance and department allow.
  await signIn(page, 'zhangsan', 'initial-pass-1');
  await expect(page.getByText('请设置新密码')).toBeVisible();
  await screenshot(page, 'access-03-forced-password');
  // Not now: back to the sign-in screen, and in again.
  await page.getByTestId('back-to-sign-in').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(page, 'zhangsan', 'initial-pass-1');
  await expect(page.getByText('请设置新密码')).toBeVisible();
  await expect(page.getByLabel('当前密码')).toBeFocused();
  await page.getByLabel('当前密码').fill('initial-pass-1');
  await page.getByLabel('新密码', { exact: true }).fill('zhangsan-own-1');
  await page.getByLabel('确认新密码').fill('zhangsan-own-1');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('张三');
  const table = page.getByTestId('dossier-table');
  await expect(table).toContainText('张三客户 沪A88888 新车档案');
  await expect(table).not.toContainText('天元计划');
  await expect(page.getByTestId('dossier-total')).toHaveText('共 1 份');
  await page.getByTestId('dossier-search').locator('input').fill('天元');
  await expect(page.getByText('没有符合“天元”的档案')).toBeVisible();
  // A staff member neither creates dossiers nor reaches the audit trail or the settings.
  await expect(page.getByTestId('create-dossier')).toHaveCount(0);
  await expect(page.getByTestId('main-menu')).not.toContainText('审计');
  await expect(page.getByTestId('main-menu')).not.toContainText('系统设置');
  await screenshot(page, 'access-04-staff-list');
  await lock(page);

  // The auditor sees the events of both users and can change nothing.
  await signIn(page, 'liu', 'auditor-pass-1');
  await page.getByTestId('main-menu').getByText('审计').click();
  const trail = page.getByTestId('audit-table');
  await expect(trail).toContainText('王档案（admin）');
  await expect(trail).toContainText('张三（zhangsan）');
  await page.getByTestId('filter-user').fill('zhangsan');
  await page.getByTestId('filter-search').click();
  await expect(trail).toContainText('修改密码');
  await expect(trail).not.toContainText('王档案（admin）');
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toContainText('审计记录完整');
  await screenshot(page, 'access-05-auditor-trail');

  await page.getByTestId('main-menu').getByText('档案').click();
  await expect(table).toContainText('天元计划 收购方案'); // cleared for 绝密, cross-department reading
  await expect(page.getByTestId('create-dossier')).toHaveCount(0);
  await table.getByText('天元计划 收购方案').click();
  await expect(page.getByTestId('dossier-drawer')).toContainText('单独存放');
  await expect(page.getByTestId('export-button')).toHaveCount(0);
  await expect(page.getByTestId('classify-button')).toHaveCount(0);
  await screenshot(page, 'access-06-auditor-drawer');
  await page.keyboard.press('Escape');

  // Who holds which role is the auditor's business, read-only: no way to change it.
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '用户' }).click();
  await expect(page.getByTestId('user-table')).toContainText('张三');
  await expect(page.getByTestId('add-user')).toHaveCount(0);
  await expect(page.getByTestId('user-table').getByRole('button')).toHaveCount(0);
  await page.getByRole('tab', { name: '密级' }).click();
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
  await screenshot(page, 'access-07-auditor-settings');

  expect(cspViolations).toEqual([]);
});
