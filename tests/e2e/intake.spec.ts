import { choose, expect, screenshot, signIn, test } from './fixtures';
import { seedCli, seedOrganisation, seedPassword } from './seed';
import { drawSignature } from './signature-pad';

const CLERK_PASSWORD = seedPassword('clerk');

/** The organisation and a new-vehicle dossier, made while the harness is stopped; prints the dossier's number. */
async function seed(dataDir: string): Promise<string> {
  const cli = seedCli(dataDir);
  await seedOrganisation(cli, { departments: [['XSB', '销售部']], users: [['clerk', '档案员小王', 'clerk', 'DAS']] });
  return cli(['dossier', 'create', '--type', 'vehicle-new', '--field', 'customerName=张三', '--field', 'phone=13800138000', '--field', 'vin=LSVAU2180N2183294', '--field', 'deliveryDate=2026-11-02', '--department', 'XSB']);
}


// The scanner field must have the focus once the dialog has opened, animated as for most clerks (inspections.spec.ts has it without).
test.use({ reducedMotion: 'no-preference' });

test('an intake with a shortage: the archive number typed as a scanner does, the item ticked missing, both signatures; the shortage shows on the dossier', async ({ page, harness, cspViolations }) => {
  let archiveNumber = '';
  await page.goto(
    await harness.restart(async () => {
      archiveNumber = await seed(harness.dataDir);
    }),
  );
  await signIn(page, 'clerk', CLERK_PASSWORD);
  await page.getByTestId('main-menu').getByText('签收').click();
  await expect(page.getByTestId('intake-page')).toContainText('暂无签收登记');
  await page.getByTestId('new-intake').click();
  const dialog = page.getByTestId('intake-dialog');

  // A scanner gun types the number and presses Enter: the dossier joins, the field keeps the focus for the next one.
  const scan = dialog.getByTestId('intake-scan');
  await expect(scan).toBeFocused();
  await page.keyboard.type('XC-2026-999999');
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('没有档号为 XC-2026-999999 的档案');
  await page.keyboard.type(archiveNumber);
  await page.keyboard.press('Enter');
  const card = dialog.getByTestId('intake-dossier');
  await expect(card).toContainText(archiveNumber);
  await expect(card).toContainText('张三 新车档案');
  await expect(card).toContainText('默认取“交车日期”：2026-11-02；3 个工作日内移交');
  await expect(scan).toBeFocused();
  await expect(scan).toHaveValue('');
  await expect(dialog).not.toContainText('没有档号为');
  await screenshot(page, 'intake-00-scanned');

  await choose(page, '移交部门', '销售部（XSB）');
  // A second dossier is opened at the hand-over: the new-dossier form, the dossier created with the intake.
  await dialog.getByTestId('intake-open-here').click();
  const opening = page.getByTestId('open-dossier-dialog');
  await opening.getByTestId('field-customerName').fill('李四');
  await opening.getByTestId('field-phone').fill('13900139000');
  await opening.getByTestId('field-vin').fill('LSVAU2180N2183295');
  await opening.getByTestId('field-deliveryDate').fill('2026/11/27');
  await opening.getByRole('button', { name: '加入本次签收' }).click();
  await expect(opening).toBeHidden();
  await expect(card.nth(1)).toContainText('新档案：新车档案（签收后编号）');
  await expect(card.nth(1)).toContainText('默认取“交车日期”：2026-11-27；3 个工作日内移交');
  await dialog.getByTestId('intake-handed-by').fill('销售小李');
  await card.first().getByTestId('intake-item').filter({ hasText: '购车发票复印件' }).getByText('缺', { exact: true }).click();
  await dialog.getByTestId('intake-note').fill('购车发票复印件后补');
  await dialog.getByTestId('handed-by-signature-name').fill('李明');
  await drawSignature(page, 'handed-by-signature');
  await expect(dialog.getByTestId('handed-by-signature')).toContainText('已手写签名');
  await expect(dialog.getByTestId('receiver-signature-name')).toHaveValue('档案员小王');
  await screenshot(page, 'intake-01-dialog');
  await dialog.getByRole('button', { name: '确认签收' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^已登记签收（编号 1）$/)).toBeVisible();

  // The book: the entry late by its working days (due 5 Nov), one item missing; opened, the signatures as signed.
  const row = page.getByTestId('intake-table').locator('tr', { hasText: archiveNumber });
  await expect(row).toContainText('销售部');
  await expect(row).toContainText('销售小李');
  await expect(row).toContainText('缺 1 项');
  await expect(row).toContainText('XC-2026-000002 李四 新车档案');
  await expect(row.getByTestId('late-tag')).toHaveText(/^逾期 \d+ 个工作日$/);
  await row.click();
  const detail = page.getByTestId('intake-detail');
  await expect(detail).toContainText('期限 2026-11-05');
  await expect(detail).toContainText('缺 · 购车发票复印件');
  await expect(detail).toContainText('已交 · 销售合同原件');
  await expect(detail).toContainText('当场建档');
  await expect(detail.getByRole('img', { name: '李明' })).toBeVisible();
  await screenshot(page, 'intake-02-book');

  // The shortage stays open on the dossier.
  await page.getByTestId('main-menu').getByText('档案').click();
  await page.getByTestId('dossier-table').getByText('张三 新车档案').click();
  const shortages = page.getByTestId('dossier-drawer').getByTestId('dossier-shortages');
  await expect(shortages).toContainText('签收缺件 1 项，尚未补交');
  await expect(shortages).toContainText('购车发票复印件');
  await expect(shortages).toContainText('（签收 1）');
  await screenshot(page, 'intake-03-dossier-shortage');
  expect(cspViolations).toEqual([]);
});
