import { choose, createArchive, expect, screenshot, test } from './fixtures';

const year = new Date().getFullYear();

test('a 新车档案 with its checklist, documents, a cross-reference, Chinese and pinyin search, and a CSV import', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);

  // Create a 新车档案: the type brings its fields, and the number is previewed before saving.
  await page.getByTestId('create-dossier').click();
  const dialog = page.getByRole('dialog', { name: '新建档案' });
  await expect(dialog.getByTestId('number-preview')).toHaveText(`XC-${year}-000001`);
  await dialog.getByTestId('field-customerName').fill('张三');
  await dialog.getByTestId('field-phone').fill('13800138000');
  await dialog.getByTestId('field-vin').fill('LSVAU2180N2183294');
  await dialog.getByTestId('field-plate').fill('沪A12345');
  await dialog.getByTestId('field-deliveryDate').fill('2026-11-02');
  await screenshot(page, 'catalogue-01-create-vehicle');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByText(`已创建档案 XC-${year}-000001`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const table = page.getByTestId('dossier-table');
  const first = table.getByRole('row', { name: new RegExp(`XC-${year}-000001`) });
  await expect(first).toContainText('张三 沪A12345 新车档案');
  await expect(first).toContainText('缺 11 项');

  // The checklist: filing documents changes completeness at once.
  await first.click();
  const drawer = page.getByTestId('dossier-drawer');
  await expect(drawer.getByTestId('dossier-fields')).toContainText('LSVAU2180N2183294');
  await drawer.getByRole('tab', { name: /卷内文件/ }).click();
  await expect(drawer.getByTestId('completeness')).toContainText('缺少必备文件');
  await drawer.getByTestId('file-greenCard').click();
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 10 项');
  await drawer.getByTestId('file-invoiceCopy').click();
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 9 项');
  await drawer.getByTestId('free-document-title').fill('客户来函');
  await drawer.getByTestId('add-free-document').click();
  await expect(drawer.getByTestId('documents')).toContainText('客户来函');
  await expect(drawer.getByTestId('documents')).toContainText('购车发票复印件');
  // Reorder by dragging: the letter goes first, the sequence numbers follow.
  const documentRows = drawer.getByTestId('documents').locator('tbody tr.ant-table-row');
  await documentRows.filter({ hasText: '客户来函' }).dragTo(documentRows.filter({ hasText: '绿卡' }));
  await expect(documentRows.first()).toContainText('客户来函');
  await expect(documentRows.first().locator('td').nth(1)).toHaveText('1');
  await expect(documentRows.nth(1)).toContainText('绿卡');
  await screenshot(page, 'catalogue-02-documents');
  await page.keyboard.press('Escape');
  await expect(first).toContainText('缺 9 项');

  // A second dossier (售后档案) for the same car, linked to the first: shown from both sides.
  await page.getByTestId('create-dossier').click();
  await choose(page, '档案类型', '售后档案');
  await expect(dialog.getByTestId('number-preview')).toHaveText(`SH-${year}-000001`);
  await dialog.getByTestId('field-customerName').fill('张三');
  await dialog.getByTestId('field-phone').fill('13800138000');
  await dialog.getByTestId('field-plate').fill('沪A12345');
  await dialog.getByTestId('field-serviceDate').fill('2026-11-20');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByText(`已创建档案 SH-${year}-000001`)).toBeVisible();

  await first.click();
  await drawer.getByRole('tab', { name: /关联档案/ }).click();
  await drawer.getByTestId('link-other').locator('input').fill(`SH-${year}`);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(new RegExp(`SH-${year}-000001`)).click();
  await drawer.getByTestId('link-relation').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText('销售转售后（新车档案 → 售后档案）').click();
  await drawer.getByTestId('add-link').click();
  // The relation is named in words; the rule it comes from is only a tooltip.
  await expect(drawer.getByTestId('links')).toContainText(`售后档案SH-${year}-000001`);
  await expect(drawer.getByTestId('links')).not.toContainText('XR-05');
  await screenshot(page, 'catalogue-03-links');
  // The linked dossier's number opens it, in place.
  await drawer.getByTestId(`open-SH-${year}-000001`).click();
  await expect(page.getByText(`档案 SH-${year}-000001`, { exact: true })).toBeVisible();
  await drawer.getByRole('tab', { name: /关联档案/ }).click();
  await expect(drawer.getByTestId('links')).toContainText(`销售档案XC-${year}-000001`);
  // Its history lists the link too, saying it was recorded on the other dossier.
  await drawer.getByRole('tab', { name: '历史记录' }).click();
  const linkEvent = drawer.getByTestId('history-table').locator('tbody tr').first();
  await expect(linkEvent).toContainText(`建立档案关联记于 XC-${year}-000001；关联编号：1；关系：销售转售后`);
  await expect(linkEvent).not.toContainText('对方档号');
  await expect(drawer.getByRole('tab', { name: '历史记录' })).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'catalogue-03-links-history');
  await page.keyboard.press('Escape');

  // Storage: a room with a cabinet, a shelf and a box; the first dossier is shelved in the box.
  await page.getByRole('menuitem', { name: '库房' }).click();
  const places = page.getByTestId('locations');
  const addPlace = async (code: string, name: string) => {
    await page.getByTestId('location-code').fill(code);
    await page.getByTestId('location-name').fill(name);
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect(places).toContainText(name);
  };
  await page.getByTestId('add-room').click();
  await addPlace('A', '一号库房');
  await page.getByTestId('add-inside-A').click();
  await addPlace('01', '1号柜');
  await page.getByTestId('add-inside-A-01').click();
  await addPlace('1', '第1层');
  await page.getByTestId('add-inside-A-01-1').click();
  await addPlace('15', '15盒');
  await expect(places).toContainText('A-01-1-15');
  await screenshot(page, 'catalogue-04-locations');
  await page.getByRole('menuitem', { name: '档案' }).click();
  await first.click();
  await drawer.getByRole('tab', { name: '概况' }).click();
  await drawer.getByTestId('shelf-picker').click();
  await page.locator('.ant-select-dropdown:visible').getByText('A-01-1-15 15盒').click();
  // Shelving asks first, then says where the dossier went.
  const confirm = page.getByRole('dialog', { name: '上架' });
  await expect(confirm).toContainText(`把档案 XC-${year}-000001 放到 A-01-1-15 一号库房 / 1号柜 / 第1层 / 15盒？`);
  await confirm.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(`档案 XC-${year}-000001 已上架`)).toBeVisible();
  await expect(drawer.getByTestId('shelf-picker')).toContainText('A-01-1-15');
  await screenshot(page, 'catalogue-04-shelved');
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();

  // The customer: created once, a timeline record added, the first dossier filed under it.
  await page.getByRole('menuitem', { name: '客户' }).click();
  await page.getByTestId('create-customer').click();
  await page.getByTestId('customer-name').fill('张三');
  await page.getByTestId('customer-phones').fill('13800138000, 021-62345678');
  await page.getByRole('dialog', { name: '新建客户' }).getByRole('button', { name: '保存' }).click();
  const customerDrawer = page.getByTestId('customer-drawer');
  await expect(customerDrawer).toContainText('021-62345678');
  await customerDrawer.getByTestId('record-text').fill('电话回访，客户对交车满意');
  await customerDrawer.getByTestId('add-record').click();
  await expect(customerDrawer.getByTestId('customer-timeline')).toContainText('电话回访，客户对交车满意');
  await customerDrawer.locator('.ant-drawer-close').click();
  await page.getByRole('menuitem', { name: '档案' }).click();
  await first.click();
  await drawer.getByRole('tab', { name: /客户/ }).click();
  await drawer.getByTestId('customer-picker').locator('input').fill('zs');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(/张三/).click();
  await expect(drawer.getByTestId('dossier-customers')).toContainText('张三（个人）');
  await screenshot(page, 'catalogue-05-customer');
  // Its history: what was done to it, newest first, from the audit trail.
  await drawer.getByRole('tab', { name: '历史记录' }).click();
  const history = drawer.getByTestId('history-table');
  await expect(history.locator('tbody tr').first()).toContainText('档案归入客户');
  await expect(history).toContainText('上架/移位');
  await expect(history).toContainText('登记卷内文件');
  await expect(history.locator('tbody tr').last()).toContainText('新建档案');
  await screenshot(page, 'catalogue-05-history');
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();

  // A dossier can be filed under the customer as it is created.
  await page.getByTestId('create-dossier').click();
  const plain = page.getByRole('dialog', { name: '新建档案' });
  await choose(page, '档案类型', '无类型（仅题名）');
  await plain.getByLabel('案卷题名').fill('张三 客户来往函件');
  await plain.getByTestId('create-customer-picker').locator('input').fill('张三');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(/张三/).click();
  await plain.getByRole('button', { name: '创建' }).click();
  await expect(plain).toBeHidden();
  await table.getByRole('row', { name: /张三 客户来往函件/ }).click();
  await drawer.getByRole('tab', { name: /客户/ }).click();
  await expect(drawer.getByTestId('dossier-customers')).toContainText('张三（个人）');
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();

  // Import a CSV of other customers.
  await page.getByTestId('open-import').click();
  const csv = ['客户名称,联系电话,车架号（VIN）,车牌号,交车日期,联系地址', '李四,13912345678,LSVAU2180N2183295,浙B54321,2026/10/1,', '王五,021-62345678,LSVAU2180N2183296,苏E11111,2026-09-30,上海市浦东新区张江高科技园区碧波路690号张江大厦12层1208室'].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: '新车客户.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
  await expect(page.getByTestId('import-file-info')).toContainText('新车客户.csv');
  await expect(page.getByTestId('import-sample')).toContainText('王五');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-check-result')).toContainText('检查通过：2 行可导入');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-result')).toContainText(`已导入 2 份档案（XC-${year}-000002 … XC-${year}-000003）`);
  await screenshot(page, 'catalogue-06-import');
  await expect(page.getByTestId('import-result')).toContainText('客户：新建 2 位');
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('dossier-total')).toHaveText('共 5 份');

  // Search: pinyin initials and a two-character name, showing where each hit matched.
  const search = page.getByTestId('dossier-search').locator('input');
  await search.fill('zs');
  await expect(page.getByTestId('dossier-total')).toHaveText('共 2 份');
  await expect(table).toContainText(`XC-${year}-000001`);
  await expect(table).toContainText(`SH-${year}-000001`);
  await expect(table).toContainText('客户名称：张三（拼音 zs）');
  // The characters the initials read are highlighted.
  await expect(table.getByTestId('search-match').locator('mark').first()).toHaveText('张三');
  await screenshot(page, 'catalogue-07-search-pinyin');
  await search.fill('王五');
  await expect(page.getByTestId('dossier-total')).toHaveText('共 1 份');
  await expect(table).toContainText(`XC-${year}-000003`);
  await search.fill('B543');
  await expect(page.getByTestId('dossier-total')).toHaveText('共 1 份');
  await expect(table).toContainText('李四');
  await expect(table.getByTestId('search-match')).toHaveText('车牌号：浙B54321');
  await expect(table.getByTestId('search-match').locator('mark')).toHaveText('B543');
  // A long address shows a window around the match, the highlight inside the cell.
  await search.fill('碧波路690');
  await expect(page.getByTestId('dossier-total')).toHaveText('共 1 份');
  const matched = table.getByTestId('search-match');
  await expect(matched.locator('mark')).toHaveText('碧波路690');
  await expect(matched).toContainText('联系地址：…');
  const cell = await matched.locator('xpath=ancestor::*[contains(@class, "ant-table-cell")][1]').boundingBox();
  const mark = await matched.locator('mark').boundingBox();
  expect(cell && mark && mark.x >= cell.x && mark.x + mark.width <= cell.x + cell.width).toBe(true);
  await screenshot(page, 'catalogue-07-search-address');
  await search.fill('B543');
  await screenshot(page, 'catalogue-07-search');

  // Sort by archive number, hide a column, save the view; it comes back after a reload.
  await search.fill('');
  await table.getByRole('columnheader', { name: '档号' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText(`KH-${year}-000001`);
  await page.getByTestId('column-chooser').click();
  await page.getByRole('checkbox', { name: '所属部门' }).uncheck();
  await expect(table.getByRole('columnheader', { name: '所属部门' })).toHaveCount(0);
  await page.getByTestId('view-save-open').click();
  await page.getByTestId('view-name').fill('按档号');
  await page.getByTestId('view-save').click();
  await expect(page.getByText('已保存视图 按档号')).toBeVisible();
  await page.reload();
  await expect(table.getByRole('columnheader', { name: '所属部门' })).toHaveCount(1);
  await page.getByTestId('view-select').click();
  await page.locator('.ant-select-dropdown:visible').getByText('按档号').click();
  await expect(table.getByRole('columnheader', { name: '所属部门' })).toHaveCount(0);
  await expect(table.getByRole('row').nth(1)).toContainText(`KH-${year}-000001`);
  await screenshot(page, 'catalogue-08-saved-view');
  await search.fill('');
  await page.getByTestId('location-filter').click();
  await page.locator('.ant-select-dropdown:visible').getByText('A 一号库房').click();
  await expect(page.getByTestId('dossier-total')).toHaveText('共 1 份');
  await expect(table).toContainText(`XC-${year}-000001`);
  expect(cspViolations).toEqual([]);
});
