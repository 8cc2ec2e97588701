import type { Locator, Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';
import { expect, signIn, test } from './fixtures';
import { seedCli, seedOrganisation, seedPassword } from './seed';

const CLERK = { login: 'clerk', password: seedPassword('clerk') };
const car = ['--field', 'customerName=张三', '--field', 'phone=13800138000', '--field', 'vin=LSVAU2180N2183294', '--field', 'plate=沪A12345', '--field', 'deliveryDate=2026-11-02'];

// Chromium's fake camera (a moving test picture), granted without asking: for this spec only.
test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] } });

/** Where a look at the dialog is saved (and looked at by the person who changes it). */
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/camera-${name}.png`, animations: 'disabled' });

/** Every track the page opened, kept for the test: the camera light is off when all have ended. */
function watchTracks(page: Page): Promise<unknown> {
  return page.addInitScript(() => {
    const opened: MediaStreamTrack[] = [];
    (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks = opened;
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      opened.push(...stream.getTracks());
      return stream;
    };
  });
}

const tracks = (page: Page) => page.evaluate(() => (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.map((t) => `${t.kind}:${t.readyState}`));

/** The live picture is playing (frames arriving), so a capture has something to take. */
async function expectLive(dialog: Locator): Promise<void> {
  await expect(dialog.getByTestId('camera-preview')).toBeVisible();
  await expect.poll(() => dialog.getByTestId('camera-preview').evaluate((video: HTMLVideoElement) => video.readyState >= 2 && video.videoWidth > 0)).toBe(true);
}

/** The natural size of the viewer's image of the page shown. */
const viewedSize = (page: Page) => page.getByTestId('scan-viewer-image').evaluate((image: HTMLImageElement): [number, number] | null => (image.complete && image.naturalWidth > 0 ? [image.naturalWidth, image.naturalHeight] : null));

test('document camera: two pages captured from the fake camera, one cropped and turned, filed onto a checklist item', async ({ page, harness, cspViolations }) => {
  await page.goto(
    await harness.restart(async () => {
      const cli = seedCli(harness.dataDir);
      await seedOrganisation(cli, { users: [[CLERK.login, '档案员小王', 'clerk', 'DAS']] });
      await cli(['dossier', 'create', '--type', 'vehicle-new', ...car]);
    }),
  );
  await watchTracks(page);
  await page.reload();
  await signIn(page, CLERK.login, CLERK.password);
  await page.getByTestId('main-menu').getByText(/^档案$/).click();
  await page.getByTestId('dossier-table').getByText('张三 沪A12345 新车档案').click();
  const drawer = page.getByTestId('dossier-drawer');
  await drawer.getByRole('tab', { name: /扫描件/ }).click();
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 11 项');
  await expect(drawer.getByTestId('camera-open-dossier')).toHaveText('高拍仪拍摄');

  // The camera for the green card item: the live picture from the one (fake) camera, video only.
  await drawer.getByTestId('camera-open-item-greenCard').click();
  const dialog = page.getByTestId('camera-dialog');
  await expect(dialog.getByText('高拍仪拍摄', { exact: true })).toBeVisible();
  await expectLive(dialog);
  await expect(dialog.getByTestId('camera-device')).toContainText(/fake|摄像头/i);
  await expect(dialog.getByTestId('camera-strip')).toContainText('尚未拍摄');

  // Filing before anything was taken says so.
  await dialog.getByTestId('camera-file').click();
  await expect(page.getByText('尚未拍摄任何页面：请先拍摄')).toBeVisible();

  // Two pages: Space, then Enter (the focus on the dialog, not on a button).
  await dialog.getByTestId('camera-preview').click();
  await page.keyboard.press('Space');
  await expect(dialog.getByTestId('camera-page-1')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('camera-page-2')).toBeVisible();
  await expect(dialog.getByTestId('camera-strip')).toContainText('已拍摄 2 页');
  await expect(dialog.getByTestId('camera-file')).toHaveText('归档 2 页');
  await shot(page, '01-live-two-pages');

  // Page 2: a rectangle dragged on it, its corner adjusted, reset, dragged again, then turned.
  await dialog.getByTestId('camera-page-2').click();
  await expect(dialog.getByTestId('camera-page-title')).toHaveText('第 2 / 2 页');
  const area = dialog.getByTestId('camera-crop-area');
  const box = (await area.boundingBox())!;
  const at = (x: number, y: number) => ({ x: box.x + box.width * x, y: box.y + box.height * y });
  const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
  };
  await drag(at(0.3, 0.3), at(0.9, 0.9));
  await expect(dialog.getByTestId('camera-crop-box')).toBeVisible();
  await drag(at(0.9, 0.9), at(0.6, 0.7));
  await drag(at(0.45, 0.5), at(0.45, 0.5));
  const cropBox = (await dialog.getByTestId('camera-crop-box').boundingBox())!;
  expect(cropBox.width / box.width).toBeCloseTo(0.3, 1);
  expect(cropBox.height / box.height).toBeCloseTo(0.4, 1);
  await dialog.getByTestId('camera-reset-crop').click();
  await expect(dialog.getByTestId('camera-crop-box')).toHaveCount(0);
  await drag(at(0.8, 0.6), at(0.3, 0)); // Any direction: x 0.3–0.8, y 0–0.6.
  await expect(dialog.getByTestId('camera-page-2-cropped')).toBeVisible();
  await shot(page, '02-crop');
  await dialog.getByTestId('camera-rotate-right').click();
  await expect(dialog.getByTestId('camera-crop-box')).toBeVisible();
  await shot(page, '03-crop-turned');

  // Esc with pages taken asks first; keeping them keeps the dialog.
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('放弃已拍摄的 2 页？');
  await page.getByRole('button', { name: '继续拍摄' }).click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveCount(0);
  await expect(dialog.getByTestId('camera-strip')).toBeVisible();

  // Filed through the ordinary path: the item's document is opened, the checklist one shorter.
  await dialog.getByTestId('camera-file').click();
  await expect(page.getByText(/^已归档 2 个文件，共 2 页：.*（新建，2 页）$/)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (2)');
  await expect(drawer.getByRole('tab', { name: /卷内文件/ })).toContainText('缺 10 项');
  await expect(drawer.getByTestId('scan-item-greenCard')).toContainText('已归档');
  await expect(drawer.getByTestId('scan-item-greenCard')).toContainText('2 页');
  // The dialog is gone and so is the camera: every track it opened has ended, and none was audio.
  await expect.poll(() => tracks(page)).toEqual(['video:ended']);

  // In the viewer: page 1 as the camera took it, page 2 cropped to a 0.5 × 0.6 part and turned.
  const strip = drawer.getByTestId('drop-item-greenCard').locator('.scan-strip');
  await expect(strip.locator('.scan-thumb img')).toHaveCount(2);
  await strip.locator('.scan-thumb button').first().click();
  const viewer = page.getByTestId('scan-viewer');
  await expect(viewer.getByTestId('viewer-position')).toHaveText('第 1 / 2 页');
  await expect(viewer.getByTestId('viewer-source')).toHaveText(/^高拍仪 \d{8}-\d{6} 第1页\.jpg/);
  await expect.poll(() => viewedSize(page)).not.toBeNull();
  const [width, height] = (await viewedSize(page))!;
  await page.keyboard.press('ArrowRight');
  await expect(viewer.getByTestId('viewer-position')).toHaveText('第 2 / 2 页');
  await expect(viewer.getByTestId('viewer-source')).toHaveText(/第2页\.jpg/);
  await expect(viewer.getByTestId('scan-viewer-image')).toHaveAttribute('data-rotation', '0');
  await expect.poll(async () => (await viewedSize(page))?.[0] !== width).toBe(true);
  const [croppedWidth, croppedHeight] = (await viewedSize(page))!;
  // Turned a quarter: the crop's height (0.6 of the photo) is now across.
  expect(croppedWidth / croppedHeight).toBeCloseTo((0.6 * height) / (0.5 * width), 1);
  await page.keyboard.press('Escape');

  // The camera unplugged while open: said so, pages kept; back after Retry. Closed with nothing taken: no question.
  await drawer.getByTestId('camera-open-dossier').click();
  await expectLive(dialog);
  await expect(dialog.getByText('各页合为一份新卷内文件，题名：')).toBeVisible();
  await expect(dialog.getByTestId('camera-title')).toHaveValue(/^高拍仪拍摄 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await dialog.getByTestId('camera-capture').click();
  await expect(dialog.getByTestId('camera-page-1')).toBeVisible();
  await page.evaluate(() => {
    const opened = (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks;
    opened.at(-1)?.dispatchEvent(new Event('ended'));
  });
  await expect(dialog.getByTestId('camera-failure')).toContainText('高拍仪已断开或被其他程序占用');
  await expect(dialog.getByTestId('camera-capture')).toBeDisabled();
  await shot(page, '04-unplugged');
  await dialog.getByTestId('camera-retry').click();
  await expectLive(dialog);
  await expect(dialog.getByTestId('camera-page-1')).toBeVisible();
  await dialog.getByTestId('camera-page-1').click();
  await dialog.getByTestId('camera-remove').click();
  await expect(dialog.getByTestId('camera-strip')).toContainText('尚未拍摄');
  await expect(dialog.getByTestId('camera-preview')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => tracks(page)).toEqual(['video:ended', 'video:ended', 'video:ended']);
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (2)');

  // Onto the dossier itself: the pages of one sitting become one document, under the title the clerk gives.
  await drawer.getByTestId('camera-open-dossier').click();
  await expectLive(dialog);
  await dialog.getByTestId('camera-capture').click();
  await expect(dialog.getByTestId('camera-page-1')).toBeVisible();
  await dialog.getByTestId('camera-capture').click();
  await expect(dialog.getByTestId('camera-page-2')).toBeVisible();
  await dialog.getByTestId('camera-title').fill('购车发票（高拍仪）');
  await dialog.getByTestId('camera-file').click();
  await expect(dialog).toHaveCount(0);
  await expect(drawer.getByTestId('scans-tab-label')).toHaveText('扫描件 (4)');
  const filed = drawer.locator('.scan-document').filter({ hasText: '购车发票（高拍仪）' });
  await expect(filed).toHaveCount(1);
  await expect(filed.locator('.scan-thumb')).toHaveCount(2);
  expect(cspViolations).toEqual([]);
});

test('document camera: a refused permission and no camera are told plainly', async ({ page, harness }) => {
  await page.goto(
    await harness.restart(async () => {
      const cli = seedCli(harness.dataDir);
      await seedOrganisation(cli, { users: [[CLERK.login, '档案员小王', 'clerk', 'DAS']] });
      await cli(['dossier', 'create', '--title', '王五 房屋抵押']);
    }),
  );
  // What the browser answers, as getUserMedia rejects: refused, then no camera at all.
  await page.addInitScript(() => {
    const answers = ['NotAllowedError', 'NotFoundError'];
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused', answers.shift() ?? 'NotFoundError'));
  });
  await page.reload();
  await signIn(page, CLERK.login, CLERK.password);
  await page.getByTestId('main-menu').getByText(/^档案$/).click();
  await page.getByTestId('dossier-table').getByText('王五 房屋抵押').click();
  const drawer = page.getByTestId('dossier-drawer');
  await drawer.getByRole('tab', { name: /扫描件/ }).click();
  await drawer.getByTestId('camera-open-dossier').click();
  const dialog = page.getByTestId('camera-dialog');
  await expect(dialog.getByTestId('camera-failure')).toContainText('摄像头权限被拒绝');
  await shot(page, '05-denied');
  await dialog.getByTestId('camera-retry').click();
  await expect(dialog.getByTestId('camera-failure')).toContainText('未找到高拍仪或摄像头');
  await expect(dialog.getByTestId('camera-capture')).toBeDisabled();
});
