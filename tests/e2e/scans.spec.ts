import type { Locator, Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeExe, samplePdf, samplePng } from '../helpers/scan-files';
import { expect, signIn, test } from './fixtures';
import { seedCli, seedOrganisation, seedPassword } from './seed';

const CLERK = { login: 'clerk', password: seedPassword('clerk') };
const car = ['--field', 'customerName=张三', '--field', 'phone=13800138000', '--field', 'vin=LSVAU2180N2183294', '--field', 'plate=沪A12345', '--field', 'deliveryDate=2026-11-02'];

/**
 * A clerk, a 新车档案 with nothing scanned yet, and a classified dossier with one scanned page,
 * made from the command line while the harness is stopped.
 */
async function seed(dataDir: string): Promise<void> {
  const cli = seedCli(dataDir);
  await seedOrganisation(cli, { users: [[CLERK.login, '档案员小王', 'clerk', 'DAS']] });
  await cli(['dossier', 'create', '--type', 'vehicle-new', ...car]);
  const secret = await cli(['dossier', 'create', '--title', '李四 融资租赁合同', '--level', '秘密']);
  const folder = mkdtempSync(join(tmpdir(), 'scans-e2e-'));
  try {
    const file = join(folder, '租赁合同.png');
    writeFileSync(file, samplePng({ width: 300, height: 420, variant: 7 }));
    await cli(['attach', secret, file]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Where a look at the screen is saved (and looked at by the person who changes this screen). */
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/scans-${name}.png`, animations: 'disabled' });

async function openDossier(page: Page, title: string | RegExp): Promise<Locator> {
  await page.getByTestId('main-menu').getByText(/^(档案|Dossiers)$/).click();
  await page.getByTestId('dossier-table').getByText(title).click();
  const drawer = page.getByTestId('dossier-drawer');
  await drawer.getByRole('tab', { name: /扫描件|Scans/ }).click();
  return drawer;
}

/** The strip's pages in their order, as the ids in their test ids. */
async function stripOrder(strip: Locator): Promise<string[]> {
  return strip.locator('.scan-thumb').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));
}

/** Every thumbnail of the strip drawn from its image (none still loading, none failed). */
async function expectThumbnails(strip: Locator, count: number): Promise<void> {
  await expect(strip.locator('.scan-thumb')).toHaveCount(count);
  await expect(strip.locator('.scan-thumb img')).toHaveCount(count);
  for (const image of await strip.locator('.scan-thumb img').all()) await expect(image).toHaveJSProperty('complete', true);
}

/** Drops files onto a place as the desktop would: a drag carrying them, then the drop. */
async function dropFiles(page: Page, target: Locator, files: { name: string; mimeType: string; bytes: Uint8Array }[]): Promise<void> {
  const transfer = await page.evaluateHandle((sent) => {
    const data = new DataTransfer();
    for (const file of sent) data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.mimeType }));
    return data;
  }, files.map((f) => ({ ...f, bytes: [...f.bytes] })));
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(target).toHaveClass(/scan-drop-active/);
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('scans: filed onto a checklist item, viewed, turned, reordered, moved, removed; a renamed program refused', async ({ page, harness, cspViolations }) => {
  await page.goto(await harness.restart(() => seed(harness.dataDir)));
  await signIn(page, CLERK.login, CLERK.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText('档案员小王');

  // The vehicle dossier: nothing scanned, every checklist item an empty place to file scans.
  const drawer = await openDossier(page, '张三 沪A12345 新车档案');
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (0)');
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 11 项');
  const greenCard = drawer.getByTestId('drop-item-greenCard');
  await expect(greenCard).toContainText('尚无扫描件');
  await shot(page, '01-empty');

  // A two-page PDF and a PNG onto the green card, through the file chooser.
  const chooser = page.waitForEvent('filechooser');
  await drawer.getByTestId('add-scans-item-greenCard').click();
  await (await chooser).setFiles([
    { name: '绿卡.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await samplePdf(2)) },
    { name: '补充页.png', mimeType: 'image/png', buffer: Buffer.from(samplePng({ width: 400, height: 300, variant: 1 })) },
  ]);
  await expect(page.getByText(/^已归档 2 个文件，共 3 页：绿卡.*（新建，3 页）$/)).toBeVisible();
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (3)');
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 10 项');
  const strip = greenCard.locator('.scan-strip');
  await expectThumbnails(strip, 3);
  await expect(drawer.getByTestId('scan-item-greenCard')).toContainText('已归档');
  const [first, second, third] = await stripOrder(strip);
  await shot(page, '02-filed');

  // The checklist of the documents tab counts the item's scanned pages.
  await drawer.getByRole('tab', { name: /卷内文件/ }).click();
  await expect(drawer.getByTestId('scanned-greenCard')).toHaveText('3');
  await shot(page, '03-checklist');
  await drawer.getByRole('tab', { name: /扫描件/ }).click();

  // The viewer: page 1 of 3, the next page by the keyboard, turned to the right and kept.
  await strip.getByTestId(first ?? '').locator('button').click();
  const viewer = page.getByTestId('scan-viewer');
  await expect(viewer.getByTestId('viewer-position')).toHaveText('第 1 / 3 页');
  await expect(viewer.getByTestId('viewer-source')).toHaveText('绿卡.pdf 第 1 页');
  await expect(viewer.getByTestId('scan-viewer-image')).toBeVisible();
  await expect(viewer.getByTestId('scan-watermark')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(viewer.getByTestId('viewer-position')).toHaveText('第 2 / 3 页');
  await expect(viewer.getByTestId('viewer-source')).toHaveText('绿卡.pdf 第 2 页');
  await page.keyboard.press('+');
  await expect(viewer.getByTestId('viewer-fit')).not.toHaveClass(/ant-btn-primary/);
  await viewer.getByTestId('viewer-fit').click();
  await viewer.getByTestId('viewer-rotate-right').click();
  await expect(viewer.getByTestId('scan-viewer-image')).toHaveAttribute('data-rotation', '90');
  await shot(page, '04-viewer-turned');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(drawer).toBeVisible();
  await expect(strip.getByTestId(second ?? '')).toHaveAttribute('data-rotation', '90');

  // The turn is stored: it is there when the window is loaded afresh and the dossier opened again.
  await page.reload();
  await openDossier(page, '张三 沪A12345 新车档案');
  await expect(strip.getByTestId(second ?? '')).toHaveAttribute('data-rotation', '90');
  await strip.getByTestId(second ?? '').locator('button').click();
  await expect(viewer.getByTestId('viewer-position')).toHaveText('第 2 / 3 页');
  await expect(viewer.getByTestId('scan-viewer-image')).toHaveAttribute('data-rotation', '90');
  await page.keyboard.press('Escape');

  // Reordered by dragging: the PNG page onto the first page's place.
  await strip.getByTestId(third ?? '').dragTo(strip.getByTestId(first ?? ''));
  await expect.poll(() => stripOrder(strip)).toEqual([third, first, second]);
  await expect(strip.getByTestId(third ?? '')).toContainText('1');

  // A renamed program, with a good file beside it: the batch is refused with the file's reason, nothing filed.
  const refused = page.waitForEvent('filechooser');
  await drawer.getByTestId(`add-scans-document-${await greenCardDocument(drawer)}`).click();
  await (await refused).setFiles([
    { name: '合同扫描.pdf', mimeType: 'application/pdf', buffer: Buffer.from(fakeExe()) },
    { name: '另一页.png', mimeType: 'image/png', buffer: Buffer.from(samplePng({ variant: 2 })) },
  ]);
  const refusal = drawer.getByTestId('scan-refusal');
  await expect(refusal).toContainText('1 个文件不能归档，本批文件均未归档');
  await expect(refusal).toContainText('“合同扫描.pdf”不能作为扫描件保存');
  await expect(refusal).toContainText('程序文件');
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (3)');
  await shot(page, '05-refused');
  await refusal.locator('.ant-alert-close-icon').click();
  await expect(refusal).toBeHidden();

  // Files dropped onto the dossier become documents of their own – one of them a copy of a page
  // filed before, which is not stored twice; a page moves to one of them.
  await dropFiles(page, drawer.getByTestId('drop-dossier'), [
    { name: '客户来函.png', mimeType: 'image/png', bytes: samplePng({ width: 200, height: 280, variant: 3 }) },
    { name: '补充页副本.png', mimeType: 'image/png', bytes: samplePng({ width: 400, height: 300, variant: 1 }) },
  ]);
  await expect(page.getByText('已归档 2 个文件，共 2 页：客户来函（新建，1 页）、补充页副本（新建，1 页）；其中 1 个文件与已存的内容相同，未重复存储')).toBeVisible();
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (5)');
  await strip.getByTestId(`select-page-${idOf(second)}`).check();
  await expect(drawer.getByTestId('scan-selection')).toContainText('已选 1 页');
  await drawer.getByTestId('move-pages').click();
  const move = page.getByTestId('move-pages-dialog');
  await move.getByRole('button', { name: '取消' }).click();
  await expect(move).toBeHidden();
  await expect(drawer.getByTestId('scan-selection')).toContainText('已选 1 页');
  await drawer.getByTestId('move-pages').click();
  await move.getByTestId('move-target').click();
  await page.locator('.ant-select-dropdown:visible').getByText(/^客户来函/).click();
  await move.getByRole('button', { name: '移动', exact: true }).click();
  await expect(page.getByText('已移动 1 页')).toBeVisible();
  await expect(strip.locator('.scan-thumb')).toHaveCount(2);
  await expect(drawer.getByTestId('scan-selection')).toBeHidden();

  // One page removed, with a reason: asked for, then given; cancelling first removes nothing.
  await strip.getByTestId(`select-page-${idOf(first)}`).check();
  await drawer.getByTestId('remove-pages').click();
  const remove = page.getByTestId('remove-pages-dialog');
  await remove.getByRole('button', { name: '取消' }).click();
  await expect(strip.locator('.scan-thumb')).toHaveCount(2);
  await drawer.getByTestId('remove-pages').click();
  await remove.getByRole('button', { name: '移除', exact: true }).click();
  await expect(remove).toContainText('请填写移除原因');
  await remove.getByTestId('remove-reason').fill('重复扫描');
  await shot(page, '06-remove');
  await remove.getByRole('button', { name: '移除', exact: true }).click();
  await expect(page.getByText('已移除 1 页')).toBeVisible();
  await expect.poll(() => stripOrder(strip)).toEqual([third]);
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (4)');
  await shot(page, '07-after-edits');
  await drawer.getByText('其他卷内文件').scrollIntoViewIfNeeded();
  await expect(drawer.getByTestId('drop-document-' + (await documentOf(drawer, '客户来函')))).toContainText('2 页');
  await shot(page, '07-other-documents');

  // A file dropped onto an item (inside the dossier's own drop place) is filed once, onto the item.
  await dropFiles(page, drawer.getByTestId('drop-item-salesContract'), [{ name: 'IMG_0815.png', mimeType: 'image/png', bytes: samplePng({ width: 300, height: 400, variant: 4 }) }]);
  await expect(page.getByText('已归档 1 个文件，共 1 页：销售合同原件（新建，1 页）')).toBeVisible();
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 9 项');
  await expect(drawer.getByTestId('drop-item-salesContract').locator('.scan-thumb')).toHaveCount(1);
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (5)');

  // A page selected, then another dossier opened: nothing of the first comes along.
  await strip.getByTestId(`select-page-${idOf(third)}`).check();
  await expect(drawer.getByTestId('scan-selection')).toBeVisible();
  await page.locator('.ant-drawer-close').click();
  // Its scans are held back a while: until they come, nothing of the last dossier's is shown in their place.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/scan(%3A|:)list$/, async (route) => {
    await held;
    await route.continue();
  });
  const secret = await openDossier(page, '李四 融资租赁合同');
  await expect(secret.getByTestId('scans-tab-label')).toHaveText('扫描件');
  await expect(secret.locator('.scan-loading')).toBeVisible();
  await expect(secret.locator('.scan-thumb')).toHaveCount(0);
  release();
  await page.unrouteAll({ behavior: 'wait' });
  await expect(secret.getByTestId('scans-tab-label')).toHaveText('扫描件 (1)');
  await expect(secret.getByTestId('scan-selection')).toHaveCount(0);
  await expect(secret.getByTestId('scan-refusal')).toHaveCount(0);
  await expect(secret.locator('.scan-thumb')).toHaveCount(1);
  await expect(secret).not.toContainText('绿卡');

  // A classified dossier's page is shown under the viewer's name and the time.
  await secret.locator('.scan-thumb button').click();
  await expect(viewer.getByTestId('viewer-position')).toHaveText('第 1 / 1 页');
  await expect(viewer.getByTestId('scan-watermark')).toHaveAttribute('data-watermark', /^档案员小王（clerk） \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(viewer).toContainText('涉密档案：查看已记入审计记录');
  await shot(page, '08-classified');
  await page.keyboard.press('Escape');

  // In English.
  await page.locator('.ant-drawer-close').click();
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  const english = await openDossier(page, '张三 沪A12345 新车档案');
  await expect(english.getByTestId('scans-tab-label')).toHaveText('Scans (5)');
  await expect(english.getByTestId('scan-item-greenCard')).toContainText('Green card customer sheet');
  await expect(english.getByTestId('drop-item-invoiceCopy')).toContainText('No scans yet: click “Add scans” or drag files here');
  await shot(page, '09-english');

  expect(cspViolations).toEqual([]);
});

/** The page id in a thumbnail's test id. */
function idOf(testId: string | undefined): string {
  return (testId ?? '').replace('scan-page-', '');
}

/** The id of the document filed for the green card. */
async function greenCardDocument(drawer: Locator): Promise<string> {
  const head = drawer.getByTestId('drop-item-greenCard').locator('[data-testid^="scan-document-"]').first();
  return ((await head.getAttribute('data-testid')) ?? '').replace('scan-document-', '');
}

/** The id of the document of that title (outside the checklist). */
async function documentOf(drawer: Locator, title: string): Promise<string> {
  const zone = drawer.locator('[data-testid^="drop-document-"]').filter({ hasText: title });
  return ((await zone.getAttribute('data-testid')) ?? '').replace('drop-document-', '');
}

test('scans: an auditor looks but files nothing; the administrator lowers the size limit and the next large file is refused', async ({ page, harness, cspViolations }) => {
  await page.goto(await harness.restart(async () => {
    await seed(harness.dataDir);
    await seedCli(harness.dataDir)(['user', 'add', 'shenji', '--name', '审计员老周', '--role', 'auditor', '--department', 'DAS', '--clearance', '机密', '--no-force-change'], { DOSSIERDESK_NEW_PASSWORD: seedPassword('shenji') });
  }));

  // The auditor sees the scans and opens them – nothing to add, drop, photograph, turn or take out.
  await signIn(page, 'shenji', seedPassword('shenji'));
  const drawer = await openDossier(page, '李四 融资租赁合同');
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (1)');
  await expect(drawer.locator('[data-testid^="add-scans-"]')).toHaveCount(0);
  await expect(drawer.locator('[data-testid^="camera-open-"]')).toHaveCount(0);
  await expect(drawer.getByText(/拖放|drag/i)).toHaveCount(0);
  await drawer.locator('.scan-thumb button').first().click();
  const viewer = page.getByTestId('scan-viewer');
  await expect(viewer.getByTestId('viewer-position')).toHaveText('第 1 / 1 页');
  await expect(viewer.locator('[data-testid^="viewer-rotate-"]')).toHaveCount(0);
  await shot(page, 'reader-viewer');
  // The viewer, then the dossier closed with Esc. The dossier takes its Esc once the viewer has given
  // the focus back, which a loaded machine may do after the viewer is gone: pressed again until then.
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden({ timeout: 2_000 });
  }).toPass();
  await page.getByTestId('lock-button').click();

  // The administrator lowers the limit to 1 MB; the clerk's 2 MB scan is refused with it, nothing filed.
  await signIn(page, 'admin', 'admin-password-1');
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '安全策略' }).click();
  const limit = page.getByTestId('setting-scanMaxMegabytes');
  await limit.fill('1');
  await limit.locator('xpath=ancestor::form').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByTestId('lock-button').click();
  await signIn(page, CLERK.login, CLERK.password);
  const clerkDrawer = await openDossier(page, '张三');
  const chooser = page.waitForEvent('filechooser');
  await clerkDrawer.getByTestId('add-scans-item-greenCard').click();
  const noise = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
  await (await chooser).setFiles([{ name: '大文件.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from(samplePng({ width: 40, height: 30 })), Buffer.from(noise)]) }]);
  await expect(page.getByText(/超过 1 MB，不能归档/)).toBeVisible();
  await expect(clerkDrawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (0)');
  expect(cspViolations).toEqual([]);
});
