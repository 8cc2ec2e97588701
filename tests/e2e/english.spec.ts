import type { Locator } from '@playwright/test';
import { createArchive, expect, screenshot, test } from './fixtures';

/** Every header of a table shows its whole text, on one line: not cut off, not broken inside a word. */
async function expectWholeHeaders(table: Locator): Promise<void> {
  const headers = table.locator('thead th');
  await expect(headers.first()).toBeVisible();
  for (let i = 0; i < (await headers.count()); i += 1) {
    const shape = await headers.nth(i).evaluate((th) => {
      // The lines the header's words stand on (icons aside), and whether anything in it is clipped.
      const tops = new Set<number>();
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      const cut = [...th.querySelectorAll('*')].some((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible');
      return { lines: tops.size, cut };
    });
    const name = await headers.nth(i).innerText();
    expect(shape.cut, name).toBe(false);
    expect(shape.lines, name).toBeLessThanOrEqual(1);
  }
}

test('in English, types, levels and field names read in English and no column header is cut off', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  await page.getByTestId('create-dossier').click();
  const dialog = page.getByRole('dialog', { name: '新建档案' });
  await dialog.getByTestId('field-customerName').fill('张三');
  await dialog.getByTestId('field-phone').fill('13800138000');
  await dialog.getByTestId('field-vin').fill('LSVAU2180N2183294');
  await dialog.getByTestId('field-deliveryDate').fill('2026-11-02');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  const table = page.getByTestId('dossier-table');
  await expect(table).toContainText('New-vehicle dossier');
  await expect(table).toContainText('Internal');
  await expectWholeHeaders(table);
  await screenshot(page, 'english-01-list');

  await table.getByText('New-vehicle dossier').click();
  const drawer = page.getByTestId('dossier-drawer');
  await expect(drawer.getByTestId('dossier-fields')).toContainText('Customer name');
  await expect(drawer).toContainText('New-vehicle dossier');
  await screenshot(page, 'english-02-dossier');
  await drawer.getByTestId('edit-dossier').click();
  await expect(page.getByRole('dialog', { name: /Edit dossier/ })).toContainText('Delivery date');
  await screenshot(page, 'english-03-edit');
  await page.getByRole('dialog', { name: /Edit dossier/ }).getByRole('button', { name: 'Cancel' }).click();
  await drawer.getByRole('tab', { name: 'History' }).click();
  await expect(drawer.getByTestId('history-table')).toContainText('Dossier created');
  await expect(drawer.getByTestId('history-table')).toContainText('type: New-vehicle dossier; level: Internal');
  await screenshot(page, 'english-04-history');
  await page.keyboard.press('Escape');

  // The other lists too.
  await page.getByRole('menuitem', { name: 'Customers' }).click();
  await expectWholeHeaders(page.getByTestId('customer-table'));
  await page.getByRole('menuitem', { name: 'Storage' }).click();
  await expectWholeHeaders(page.getByTestId('locations'));
  await page.getByRole('menuitem', { name: 'Audit' }).click();
  await expectWholeHeaders(page.getByTestId('audit-table'));
  await screenshot(page, 'english-05-audit');
  await page.getByTestId('main-menu').getByText('Settings').click();
  await page.getByRole('tab', { name: 'Users' }).click();
  await expectWholeHeaders(page.getByTestId('user-table'));
  await screenshot(page, 'english-06-users');

  expect(cspViolations).toEqual([]);
});
