import { samplePng } from '../helpers/scan-files';
import { createArchive, expect, screenshot, test } from './fixtures';

const year = new Date().getFullYear();

test('the administrator adds a checklist item and a choice field to 新车档案; older dossiers keep their version', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);

  // A dossier made with the shipped version: 12 checklist items, 11 of them required.
  await page.getByTestId('create-dossier').click();
  const create = page.getByRole('dialog', { name: '新建档案' });
  await create.getByTestId('field-customerName').fill('李四');
  await create.getByTestId('field-phone').fill('13900139000');
  await create.getByTestId('field-vin').fill('LSVAU2180N2183295');
  await create.getByTestId('field-deliveryDate').fill('2026-11-02');
  await create.getByRole('button', { name: '创建' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByTestId('dossier-table').getByRole('row', { name: new RegExp(`XC-${year}-000001`) })).toContainText('缺 11 项');

  // 系统设置 → 档案类型 → 新车档案: one more required item, one more field.
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '档案类型' }).click();
  const types = page.getByTestId('type-table');
  await expect(types.getByRole('row', { name: /新车档案/ })).toContainText('v1');
  await page.getByTestId('edit-type-vehicle-new').click();
  const editor = page.getByTestId('type-editor');
  await expect(editor.getByTestId('type-numbering')).toHaveValue('{type}-{yyyy}-{seq:6}');
  await editor.getByRole('tab', { name: /字段/ }).click();
  await editor.getByTestId('add-type-field').click();
  const field = editor.getByTestId('type-field-row').last();
  await field.getByPlaceholder('字段名称').fill('购车方式');
  await field.getByPlaceholder('customerName').fill('purchaseMode');
  await field.locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible').getByText('单选', { exact: true }).click();
  await field.locator('.type-row-choices .ant-select').click();
  await page.keyboard.type('全款,');
  await page.keyboard.type('贷款,');
  await screenshot(page, 'types-00-fields');
  await editor.getByRole('tab', { name: /文件清单/ }).click();
  await editor.getByTestId('add-type-item').click();
  const item = editor.getByTestId('type-item-row').last();
  await item.locator('input').first().fill('延保合同');
  await item.locator('input').nth(1).fill('extendedWarranty');
  // Fulfilled only by its scan: the paper registered is not enough.
  await item.getByTestId(/^type-item-evidence-/).click();
  await page.locator('.ant-select-dropdown:visible').getByText('扫描件', { exact: true }).click();
  await screenshot(page, 'types-01-editor');
  await editor.getByTestId('save-type').click();
  await expect(page.getByText('已保存档案类型 新车档案')).toBeVisible();
  await expect(types.getByRole('row', { name: /新车档案/ })).toContainText('v2');
  await expect(types.getByRole('row', { name: /新车档案/ })).toContainText('13');

  // A new dossier uses version 2 (the new field, 12 required items); the old one keeps version 1.
  await page.getByRole('menuitem', { name: '档案' }).click();
  await page.getByTestId('create-dossier').click();
  await create.getByTestId('field-customerName').fill('王五');
  await create.getByTestId('field-phone').fill('13700137000');
  await create.getByTestId('field-vin').fill('LSVAU2180N2183296');
  await create.getByTestId('field-deliveryDate').fill('2026-11-03');
  await create.getByTestId('field-purchaseMode').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText('贷款').click();
  await create.getByRole('button', { name: '创建' }).click();
  await expect(create).toBeHidden();
  const table = page.getByTestId('dossier-table');
  await expect(table.getByRole('row', { name: new RegExp(`XC-${year}-000002`) })).toContainText('缺 12 项');
  await expect(table.getByRole('row', { name: new RegExp(`XC-${year}-000001`) })).toContainText('缺 11 项');
  await table.getByRole('row', { name: new RegExp(`XC-${year}-000002`) }).click();
  await expect(page.getByTestId('dossier-fields')).toContainText('贷款');

  // The warranty contract registered on paper waits for its scan; its scan fulfils it.
  const drawer = page.getByTestId('dossier-drawer');
  await drawer.getByRole('tab', { name: /卷内文件/ }).click();
  const checklist = drawer.getByTestId('checklist');
  await expect(checklist.getByRole('row', { name: /延保合同/ })).toContainText('扫描件');
  await drawer.getByTestId('file-extendedWarranty').click();
  await expect(drawer.getByTestId('progress-extendedWarranty')).toHaveText('待扫描');
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 12 项');
  await screenshot(page, 'types-02-waiting-for-scan');
  await drawer.getByRole('tab', { name: /扫描件/ }).click();
  await expect(drawer.getByTestId('scan-item-evidence-extendedWarranty')).toHaveText('扫描件');
  const chooser = page.waitForEvent('filechooser');
  await drawer.getByTestId('drop-item-extendedWarranty').getByRole('button', { name: /添加扫描件/ }).first().click();
  await (await chooser).setFiles([{ name: '延保合同.png', mimeType: 'image/png', buffer: Buffer.from(samplePng({ width: 400, height: 300 })) }]);
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (1)');
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 11 项');
  await drawer.getByRole('tab', { name: /卷内文件/ }).click();
  await expect(drawer.getByTestId('progress-extendedWarranty')).toHaveText('已归档');
  expect(cspViolations).toEqual([]);
});
