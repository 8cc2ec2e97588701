import type { Page } from '@playwright/test';
import { choose, createArchive, expect, screenshot, signIn, test } from './fixtures';

async function lock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

async function addUser(page: Page, user: { login: string; name: string; role: string; clearance: string }): Promise<void> {
  await page.getByTestId('add-user').click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('登录名').fill(user.login);
  await dialog.getByLabel('姓名').fill(user.name);
  await choose(page, '所属部门', '档案室（DAS）');
  await dialog.getByLabel('角色').click();
  await page.keyboard.press('Backspace');
  await page.locator('.ant-select-dropdown:visible').getByText(user.role, { exact: true }).click();
  await page.keyboard.press('Escape');
  await choose(page, '知悉范围', user.clearance);
  await dialog.getByLabel('初始密码').fill(`${user.login}-pass-1`);
  await dialog.getByText('首次登录须修改密码').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

async function newVehicle(page: Page, fields: { name: string; phone: string; vin: string; plate: string }) {
  await page.getByTestId('create-dossier').click();
  const dialog = page.getByRole('dialog', { name: '新建档案' });
  await expect(dialog.getByTestId('type-select')).toContainText('新车档案');
  await dialog.getByTestId('field-customerName').fill(fields.name);
  await dialog.getByTestId('field-phone').fill(fields.phone);
  await dialog.getByTestId('field-vin').fill(fields.vin);
  await dialog.getByTestId('field-plate').fill(fields.plate);
  await dialog.getByTestId('field-deliveryDate').fill('2026/11/2');
  await dialog.getByRole('button', { name: '创建' }).click();
  return dialog;
}

test('a clerk corrects what was filed: a dossier, its documents and its customer; rules are told next to the field', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '用户' }).click();
  await addUser(page, { login: 'clerk', name: '李档案', role: '档案管理员', clearance: '绝密' });
  await addUser(page, { login: 'keeper', name: '周保管', role: '员工', clearance: '绝密' });
  await addUser(page, { login: 'staff', name: '吴员工', role: '员工', clearance: '内部' });
  await lock(page);
  await signIn(page, 'clerk', 'clerk-pass-1');
  await expect(page.getByTestId('signed-in-user')).toHaveText('李档案');
  // A clerk starts at the workbench; the dossiers are one click away.
  await expect(page.getByTestId('workbench-page')).toBeVisible();
  await page.getByTestId('main-menu').getByText('档案', { exact: true }).click();

  // Two dossiers may not share a VIN: the dialog says so under the VIN, and keeps what was typed.
  let dialog = await newVehicle(page, { name: '张三', phone: '13800138000', vin: 'LSVAU2180N2183294', plate: '沪A12345' });
  await expect(dialog).toBeHidden();
  dialog = await newVehicle(page, { name: '李四', phone: '13900139000', vin: 'lsvau2180n2183294', plate: '沪A54321' });
  const vinError = dialog.locator('.ant-form-item-has-error').filter({ has: page.getByTestId('field-vin') });
  await expect(vinError).toContainText(/车架号（VIN） LSVAU2180N2183294 已用于档案 XC-\d{4}-000001/);
  await expect(dialog.getByTestId('field-customerName')).toHaveValue('李四');
  await screenshot(page, 'corrections-01-vin-next-to-field');
  await dialog.getByTestId('field-vin').fill('LSVAU2180N2183295');
  // As the clerk sees it: the message goes once the VIN is changed (the buttons below move up then).
  await expect(vinError).toHaveCount(0);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();

  // The new-dossier dialog remembers the type last used, and opens empty.
  await page.getByTestId('create-dossier').click();
  dialog = page.getByRole('dialog', { name: '新建档案' });
  await expect(dialog.getByTestId('type-select')).toContainText('新车档案');
  await expect(dialog.getByTestId('field-customerName')).toHaveValue('');
  await expect(dialog.getByPlaceholder('留空则自动生成：{客户名称} {车牌号} 新车档案')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  // Correct the first dossier: phone, plate, retention; its made title follows.
  const table = page.getByTestId('dossier-table');
  await table.getByText('张三 沪A12345 新车档案').click();
  const drawer = page.getByTestId('dossier-drawer');
  await drawer.getByTestId('edit-dossier').click();
  const edit = page.getByRole('dialog', { name: /编辑档案 XC-/ });
  await expect(edit.getByTestId('edit-title')).toHaveValue('张三 沪A12345 新车档案');
  await edit.getByTestId('field-phone').fill('62345678');
  await edit.getByRole('button', { name: '保存' }).click();
  // A landline without its area code is refused where it was typed.
  await expect(edit.locator('.ant-form-item-has-error').filter({ has: page.getByTestId('field-phone') })).toContainText('需加区号');
  await edit.getByTestId('field-phone').fill('021-62345678');
  await expect(edit.locator('.ant-form-item-has-error')).toHaveCount(0);
  await edit.getByTestId('field-plate').fill('沪B99999');
  await edit.getByText('永久').click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(drawer.getByTestId('dossier-fields')).toContainText('021-62345678');
  await expect(drawer).toContainText('张三 沪B99999 新车档案');
  await expect(drawer).toContainText('永久');
  await screenshot(page, 'corrections-02-dossier-edited');

  // A document filed against the checklist, then corrected.
  await drawer.getByRole('tab', { name: /卷内文件/ }).click();
  await drawer.getByTestId('file-invoiceCopy').click();
  await expect(drawer.getByTestId('documents')).toContainText('购车发票复印件');
  await drawer.getByTestId('documents').getByRole('button', { name: '编辑', exact: true }).click();
  const documentDialog = page.getByRole('dialog', { name: /编辑卷内文件/ });
  await documentDialog.getByTestId('document-pages').fill('3');
  await documentDialog.getByTestId('document-date').fill('2026-11-03');
  await documentDialog.getByRole('button', { name: '保存' }).click();
  await expect(documentDialog).toBeHidden();
  await expect(drawer.getByTestId('documents').getByRole('row', { name: /购车发票复印件/ })).toContainText('2026-11-03');

  // The history says in words what changed.
  await drawer.getByRole('tab', { name: '历史记录' }).click();
  await expect(drawer.getByTestId('history-table')).toContainText('021-62345678');
  await screenshot(page, 'corrections-03-history');
  await page.keyboard.press('Escape');

  // A 机密 dossier: the clerk chooses its custodian among those who may hold it.
  await page.getByTestId('create-dossier').click();
  dialog = page.getByRole('dialog', { name: '新建档案' });
  await choose(page, '档案类型', '无类型（仅题名）');
  await dialog.getByLabel('案卷题名').fill('天元计划 收购方案');
  await choose(page, '密级', '机密');
  await dialog.getByTestId('custodian-select').click();
  // The level's list may still be fading out while the custodians' opens: take the one that lists people.
  const options = page.locator('.ant-select-dropdown:visible', { hasText: '周保管' });
  await expect(options).toContainText('周保管（keeper，档案室）');
  await expect(options).not.toContainText('吴员工');
  await options.getByText('周保管（keeper，档案室）').click();
  await screenshot(page, 'corrections-04-custodian');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await table.getByText('天元计划 收购方案').click();
  await expect(drawer).toContainText('周保管（keeper）');
  await page.keyboard.press('Escape');

  // A customer corrected; 新建客户 afterwards opens empty.
  await page.getByRole('menuitem', { name: '客户' }).click();
  await page.getByTestId('create-customer').click();
  const customerDialog = page.getByRole('dialog', { name: '新建客户' });
  await page.getByTestId('customer-name').fill('王五');
  await page.getByTestId('customer-phones').fill('13700137000');
  await customerDialog.getByRole('button', { name: '保存' }).click();
  await expect(customerDialog).toBeHidden();
  const customerDrawer = page.getByTestId('customer-drawer');
  await customerDrawer.getByTestId('edit-customer').click();
  const editCustomer = page.getByRole('dialog', { name: '编辑客户：王五' });
  await expect(page.getByTestId('customer-phones')).toHaveValue('13700137000');
  await page.getByTestId('customer-address').fill('上海市徐汇区漕溪北路 1 号');
  await editCustomer.getByRole('button', { name: '保存' }).click();
  await expect(editCustomer).toBeHidden();
  await expect(customerDrawer).toContainText('上海市徐汇区漕溪北路 1 号');
  await page.keyboard.press('Escape');
  await page.getByTestId('create-customer').click();
  await expect(page.getByTestId('customer-name')).toHaveValue('');
  await expect(page.getByTestId('customer-address')).toHaveValue('');
  await page.getByRole('dialog', { name: '新建客户' }).getByRole('button', { name: '取消' }).click();
  await lock(page);

  // A reader who may see the dossier reads its history too.
  await signIn(page, 'staff', 'staff-pass-1');
  await page.getByTestId('dossier-table').getByText('张三 沪B99999 新车档案').click();
  await drawer.getByRole('tab', { name: '历史记录' }).click();
  await expect(drawer.getByTestId('history-table')).toContainText('李档案');
  await expect(drawer.getByTestId('edit-dossier')).toHaveCount(0);
  await screenshot(page, 'corrections-05-staff-history');

  expect(cspViolations).toEqual([]);
});
