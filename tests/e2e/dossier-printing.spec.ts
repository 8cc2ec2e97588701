import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePdfPage } from '../helpers/barcodes';
import { inspectPdf } from '../helpers/pdf';
import { samplePdf } from '../helpers/scan-files';
import { expect, screenshot, signIn, test } from './fixtures';
import { seedCli, seedOrganisation, seedPassword } from './seed';

/** A clerk and a dossier with a scanned two-page contract, made from the command line while the harness is stopped. */
async function seed(dataDir: string): Promise<string> {
  const cli = seedCli(dataDir);
  await seedOrganisation(cli, { users: [['clerk', '档案员小王', 'clerk', 'DAS']] });
  const number = await cli(['dossier', 'create', '--title', '赵六 沪C66666 售后档案']);
  const file = join(dataDir, '..', '维修合同.pdf');
  writeFileSync(file, await samplePdf(2, 'REPAIR-CONTRACT-0042'));
  await cli(['attach', number, file]);
  return number;
}

test('the dossier as one PDF with its scans, and its label printed and read back by a barcode reader', async ({ page, harness, cspViolations }) => {
  let archiveNumber = '';
  await page.goto(await harness.restart(async () => {
    archiveNumber = await seed(harness.dataDir);
  }));
  await signIn(page, 'clerk', seedPassword('clerk'));
  await page.getByTestId('main-menu').getByText('档案').click();
  await page.getByTestId('dossier-table').getByText('赵六 沪C66666 售后档案').click();
  const drawer = page.getByTestId('dossier-drawer');

  // The dossier PDF: cover, record, the two scanned pages.
  const exported = page.waitForEvent('download');
  await drawer.getByTestId('export-button').click();
  const pdf = inspectPdf(readFileSync(await (await exported).path()));
  expect(pdf.pages).toBe(4);
  expect(pdf.text).toMatch(/档\s+案/);
  expect(pdf.text).toContain(archiveNumber);
  expect(pdf.text).toContain('内部资料，严禁外传');
  expect(pdf.text).toContain('REPAIR-CONTRACT-0042');

  // A folder label on a partly used A4 sheet: the codes on it read back as the archive number.
  await drawer.getByTestId('print-menu').click();
  await page.getByRole('menuitem', { name: '档案标签…' }).click();
  const dialog = page.getByRole('dialog', { name: '打印档案标签' });
  await expect(dialog).toBeVisible();
  await screenshot(page, 'printing-01-label-dialog');
  const label = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '生成 PDF' }).click();
  const labelPdf = new Uint8Array(readFileSync(await (await label).path()));
  const codes = (await decodePdfPage(labelPdf)).map((code) => code.text);
  expect(codes).toContain(archiveNumber);
  expect(codes).toContain(`DD:A:${archiveNumber}`);
  await expect(dialog).toBeHidden();

  // The scan cover sheet for the dossier.
  await drawer.getByTestId('print-menu').click();
  const cover = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '扫描封面（整份档案）' }).click();
  expect((await decodePdfPage(new Uint8Array(readFileSync(await (await cover).path())))).map((code) => code.text)).toEqual([`DD:C:${archiveNumber}`]);
  expect(cspViolations).toEqual([]);
});

test('labels for several dossiers ticked in the list, gathered across two searches, on one sheet', async ({ page, harness, cspViolations }) => {
  const numbers: string[] = [];
  await page.goto(await harness.restart(async () => {
    const cli = seedCli(harness.dataDir);
    await seedOrganisation(cli, { users: [['clerk', '档案员小王', 'clerk', 'DAS']] });
    for (const title of ['钱七 沪D77777 售后档案', '孙八 沪E88888 售后档案', '周九 沪F99999 售后档案']) numbers.push(await cli(['dossier', 'create', '--title', title]));
  }));
  await signIn(page, 'clerk', seedPassword('clerk'));
  await page.getByTestId('main-menu').getByText('档案').click();
  const table = page.getByTestId('dossier-table');
  const tick = async (title: string) => {
    await page.getByTestId('dossier-search').locator('input').fill(title.slice(0, 2));
    await expect(table.getByRole('row').filter({ hasText: title })).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: '售后档案' })).toHaveCount(1);
    await table.getByRole('row').filter({ hasText: title }).getByRole('checkbox').check();
  };
  await tick('钱七 沪D77777 售后档案');
  await tick('周九 沪F99999 售后档案');
  const selection = page.getByTestId('list-selection');
  await expect(selection).toContainText('已选 2 份');
  await page.getByTestId('dossier-search').locator('input').fill('');
  await expect(table.getByRole('row').filter({ hasText: '售后档案' })).toHaveCount(3);
  await screenshot(page, 'printing-02-list-ticked');

  await selection.getByTestId('print-labels').click();
  const dialog = page.getByRole('dialog', { name: '打印档案标签（2 份档案）' });
  await expect(dialog).toBeVisible();
  const label = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '生成 PDF' }).click();
  const codes = (await decodePdfPage(new Uint8Array(readFileSync(await (await label).path())))).map((code) => code.text);
  expect(codes.filter((c) => !c.startsWith('DD:')).sort()).toEqual([numbers[0], numbers[2]].sort());
  await selection.getByRole('button', { name: '清除选择' }).click();
  await expect(selection).toBeHidden();
  expect(cspViolations).toEqual([]);
});
