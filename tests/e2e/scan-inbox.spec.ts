import type { Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scannedSheet, writeInChunks } from '../helpers/inbox-folder';
import { fakeExe, samplePdf, samplePng } from '../helpers/scan-files';
import { a4ScanJpeg } from '../helpers/scan-images';
import { ADMIN, expect, signIn, test } from './fixtures';
import { seedCli, seedOrganisation, seedPassword } from './seed';

const SCANNER = { login: 'zhang', name: '扫描员小张' };
const READER = { login: 'li', name: '销售小李' };
const GREEN_CARD = '绿卡（客户名称、联系人、手机及电话（座机加区号）、地址）';
const car = ['--field', 'customerName=张三', '--field', 'phone=13800138000', '--field', 'vin=LSVAU2180N2183294', '--field', 'plate=沪A12345', '--field', 'deliveryDate=2026-11-02'];

/**
 * A scanning clerk, a salesman who only reads, a 新车档案 with nothing scanned, and the printed
 * sheets of its 绿卡 item: the scan cover sheet and the separator sheet, as PDFs beside the archive.
 */
async function seed(dataDir: string): Promise<{ archiveNumber: string; cover: Uint8Array; separator: Uint8Array }> {
  const cli = seedCli(dataDir);
  await seedOrganisation(cli, {
    departments: [['XSB', '销售部']],
    users: [
      [SCANNER.login, SCANNER.name, 'scanner', 'DAS'],
      [READER.login, READER.name, 'staff', 'XSB'],
    ],
  });
  const archiveNumber = await cli(['dossier', 'create', '--type', 'vehicle-new', ...car]);
  const cover = join(dataDir, '..', 'cover.pdf');
  const separator = join(dataDir, '..', 'separator.pdf');
  await cli(['label', 'cover', archiveNumber, '--item', 'greenCard', '--out', cover]);
  await cli(['label', 'separator', '--out', separator]);
  return { archiveNumber, cover: new Uint8Array(readFileSync(cover)), separator: new Uint8Array(readFileSync(separator)) };
}

/** Where a look at the screen is saved (and looked at by the person who changes this screen). */
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/scan-inbox-${name}.png`, fullPage: true, animations: 'disabled' });

async function lock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

async function openInbox(page: Page): Promise<void> {
  await page.getByTestId('main-menu').getByText(/^(扫描收件箱|Scan inbox)$/).click();
  await expect(page.getByTestId('inbox-page')).toBeVisible();
}

test('the scan inbox: set up by the administrator, filed by cover sheets and by archive number; not offered to a reader', async ({ page, harness, cspViolations }) => {
  let seeded: Awaited<ReturnType<typeof seed>> = { archiveNumber: '', cover: new Uint8Array(), separator: new Uint8Array() };
  await page.goto(await harness.restart(async () => {
    seeded = await seed(harness.dataDir);
  }));
  const { archiveNumber } = seeded;
  const folder = mkdtempSync(join(tmpdir(), 'scanner-out-'));
  const put = (name: string, bytes: Uint8Array) => writeFileSync(join(folder, name), bytes);
  try {
    // The dossier before: its 绿卡 and invoice still missing.
    await signIn(page, SCANNER.login, seedPassword(SCANNER.login));
    await page.getByTestId('main-menu').getByText('档案').click();
    await page.getByTestId('dossier-table').getByText('张三 沪A12345 新车档案').click();
    const drawer = page.getByTestId('dossier-drawer');
    await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 11 项');
    await page.keyboard.press('Escape');

    // No folder set yet: the clerk is told who sets it, and where.
    await openInbox(page);
    await expect(page.getByTestId('inbox-no-folder')).toContainText('尚未设置扫描仪输出文件夹');
    await expect(page.getByTestId('inbox-no-folder')).toContainText('系统设置 → 安全策略 → 扫描收件箱');
    await expect(page.getByTestId('inbox-archive-number')).toHaveCount(0);
    await shot(page, '01-no-folder');
    await lock(page);

    // The administrator sets the scanner's folder. The settling time stays well above the pauses of the
    // PDF written in chunks below, so a machine under load cannot make a half-written file look settled.
    await signIn(page, ADMIN.login, ADMIN.password);
    await page.getByTestId('main-menu').getByText('系统设置').click();
    await page.getByRole('tab', { name: '安全策略' }).click();
    const card = page.getByTestId('scan-inbox-card');
    await card.getByTestId('scan-inbox-folder').fill(join(folder, 'missing'));
    await card.getByTestId('scan-inbox-save').click();
    await expect(page.getByText(/不存在或无法访问/)).toBeVisible();
    await card.getByTestId('scan-inbox-folder').fill(folder);
    await card.getByTestId('scan-inbox-stable-seconds').fill('3');
    // Filed scans are deleted from the folder unless the administrator chooses to keep a plain copy.
    await expect(card).toContainText('扫描文件夹中的明文文件随即删除');
    await card.getByTestId('scan-inbox-after-filing').getByText('移入文件夹').click();
    await expect(card).toContainText('以未加密的明文副本留在下面的文件夹中');
    await card.getByTestId('scan-inbox-save').click();
    await expect(page.getByText('已保存')).toBeVisible();
    // Saved and shown again from the settings: the choice kept.
    await expect(card.getByTestId('scan-inbox-after-filing').getByRole('radio', { name: '移入文件夹' })).toBeChecked();
    await expect(() => card.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
    await shot(page, '02-setting');
    await lock(page);

    // The scanning clerk: the folder is watched, nothing in it yet.
    await signIn(page, SCANNER.login, seedPassword(SCANNER.login));
    await openInbox(page);
    await expect(page.getByTestId('inbox-page')).toContainText(folder);
    await expect(page.getByTestId('inbox-empty')).toBeVisible();
    await shot(page, '03-empty');

    // A batch from the scanner: a stray page, the cover of the 绿卡 item, two pages, a separator, one
    // more page; a program that is not a scan; and a PDF still being written.
    put('IMG_0100.png', samplePng({ width: 300, height: 420, variant: 3 }));
    put('scan_0001.jpg', await scannedSheet(seeded.cover));
    put('scan_0002.jpg', await a4ScanJpeg(1));
    put('scan_0003.png', samplePng({ width: 420, height: 300, variant: 5 }));
    put('scan_0004.jpg', await scannedSheet(seeded.separator));
    put('scan_0005.jpg', await a4ScanJpeg(2));
    put('说明.pdf', fakeExe());
    const grid = page.getByTestId('inbox-grid');
    const fileCard = (name: string) => page.getByTestId(`inbox-file-${name}`);
    await writeInChunks(join(folder, 'scan_0006.pdf'), await samplePdf(3), {
      chunks: 6,
      pauseMs: 300,
      between: async () => expect(fileCard('scan_0006.pdf')).toHaveCount(0),
    });
    for (const name of ['IMG_0100.png', 'scan_0001.jpg', 'scan_0002.jpg', 'scan_0003.png', 'scan_0004.jpg', 'scan_0005.jpg', 'scan_0006.pdf']) {
      await expect(fileCard(name)).toHaveAttribute('data-state', 'scan');
      await expect(fileCard(name).locator('img')).toHaveJSProperty('complete', true);
    }
    await expect(fileCard('scan_0001.jpg').getByTestId('inbox-cover')).toHaveText(`封面 → ${archiveNumber}（${GREEN_CARD}）`);
    await expect(fileCard('scan_0004.jpg')).toContainText('分隔页');
    await expect(fileCard('scan_0006.pdf')).toContainText('3 页');
    const refused = fileCard('说明.pdf');
    await expect(refused).toHaveAttribute('data-state', 'refused');
    await expect(refused.getByTestId('inbox-reason')).toContainText('不能作为扫描件保存：不是支持的扫描件类型（看起来是程序文件');
    await expect(grid.locator('.inbox-card')).toHaveCount(8);
    await shot(page, '04-files');

    // Filed by the cover sheets: the stray page and the program stay, each with its reason.
    await page.getByTestId('inbox-auto-file').click();
    const done = page.getByTestId('inbox-done');
    await expect(done).toContainText(`${archiveNumber}：已归档 2 个文件，共 2 页`);
    await expect(done).toContainText(`${archiveNumber}：已归档 2 个文件，共 4 页`);
    await expect(done).toContainText('已使用 2 张封面/分隔页');
    const left = page.getByTestId('inbox-left');
    await expect(left).toContainText('2 个文件留在文件夹中');
    await expect(left).toContainText('IMG_0100.png：位于第一张扫描封面之前，未自动归档');
    await expect(left).toContainText('说明.pdf：“说明.pdf”不能作为扫描件保存');
    await shot(page, '05-auto-filed');
    await expect(grid.locator('.inbox-card')).toHaveCount(2);
    expect(readdirSync(folder).sort()).toEqual(['IMG_0100.png', '说明.pdf', '已归档'].sort());
    expect(readdirSync(join(folder, '已归档')).sort()).toEqual(['scan_0001.jpg', 'scan_0002.jpg', 'scan_0003.png', 'scan_0004.jpg', 'scan_0005.jpg', 'scan_0006.pdf']);

    // A wrong archive number typed and Enter: refused, nothing filed.
    await fileCard('IMG_0100.png').getByRole('checkbox').check();
    await expect(page.getByTestId('inbox-file')).toHaveText(/归档所选 1 个文件/);
    const number = page.getByTestId('inbox-archive-number');
    await number.fill('KH-2099-999999');
    await number.press('Enter');
    await expect(page.getByTestId('inbox-failure')).toHaveText('没有档号为 KH-2099-999999 的档案');
    await expect(number).toBeFocused();
    await expect(fileCard('IMG_0100.png').getByRole('checkbox')).toBeChecked();
    await shot(page, '06-wrong-number');

    // The right number, scanned (typed, then Enter), onto the 购车发票复印件 item – with nothing chosen,
    // the whole folder: asked first (a second batch may lie there), and a second Enter confirms.
    await fileCard('IMG_0100.png').getByRole('checkbox').uncheck();
    await number.fill(archiveNumber);
    await page.getByTestId('inbox-item').click();
    await page.locator('.ant-select-dropdown:visible').getByText('购车发票复印件', { exact: true }).click();
    // The folder's file is there to be filed (the list is looked at again every few seconds).
    await expect(page.getByTestId('inbox-file')).toHaveText('归档全部文件');
    await expect(page.getByTestId('inbox-file')).toBeEnabled();
    await number.press('Enter');
    const asking = page.getByTestId('inbox-asking-all');
    await expect(asking).toContainText(`把文件夹中全部 1 个文件归入档案 ${archiveNumber}？`);
    await expect(asking).toContainText('再按一次 Enter 确认，按 Esc 取消');
    // Esc takes the question back; asked again, a second Enter in the number field confirms.
    await expect(number).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(asking).toHaveCount(0);
    await number.press('Enter');
    await expect(asking).toBeVisible();
    await shot(page, '07-asking-all');
    await number.press('Enter');
    await expect(done).toHaveText(`${archiveNumber}：已归档 1 个文件，共 1 页：购车发票复印件（新建，1 页）`);
    await expect(page.getByTestId('inbox-failure')).toHaveCount(0);
    await expect(grid.locator('.inbox-card')).toHaveCount(1);
    // Emptied for the next number from the scanner gun.
    await expect(number).toHaveValue('');
    await expect(number).toBeFocused();
    await shot(page, '07-filed-by-number');

    // The program is not a scan: deleted from the folder.
    await refused.getByRole('checkbox').check();
    await page.getByTestId('inbox-discard').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(done).toHaveText('已删除 1 个文件');
    await expect(page.getByTestId('inbox-empty')).toBeVisible();
    expect(readdirSync(folder)).toEqual(['已归档']);

    // The dossier: the 绿卡 item holds its two documents' pages, the invoice its page; two items fewer missing.
    await page.getByTestId('main-menu').getByText('档案').click();
    await page.getByTestId('dossier-table').getByText('张三 沪A12345 新车档案').click();
    await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 9 项');
    await drawer.getByRole('tab', { name: /扫描件/ }).click();
    await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (7)');
    await expect(drawer.getByTestId('drop-item-greenCard').locator('.scan-thumb img')).toHaveCount(6);
    await expect(drawer.getByTestId('drop-item-invoiceCopy').locator('.scan-thumb img')).toHaveCount(1);
    await shot(page, '08-dossier');
    await page.keyboard.press('Escape');

    // In English, with the next batch's cover and a page.
    put('scan_0007.jpg', await scannedSheet(seeded.cover));
    put('scan_0008.png', samplePng({ width: 300, height: 420, variant: 9 }));
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await openInbox(page);
    await expect(fileCard('scan_0008.png').locator('img')).toHaveJSProperty('complete', true);
    await expect(fileCard('scan_0007.jpg').getByTestId('inbox-cover')).toHaveText(`Cover → ${archiveNumber} (Green card customer sheet)`);
    await expect(page.getByTestId('inbox-page')).toContainText('File all');
    await shot(page, '09-english');
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await lock(page);

    // A reader without dossier.edit: the inbox is neither in the menu nor at its address.
    await signIn(page, READER.login, seedPassword(READER.login));
    await expect(page.getByTestId('signed-in-user')).toHaveText(READER.name);
    await expect(page.getByTestId('main-menu')).not.toContainText('扫描收件箱');
    await page.goto(`${page.url().split('#')[0]}#/inbox`);
    await expect(page.getByTestId('signed-in-user')).toHaveText(READER.name);
    await expect(page.getByTestId('inbox-page')).toHaveCount(0);
    await shot(page, '10-reader');
    expect(cspViolations).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
