import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelNames } from '../../shared/contract';
import { createDossier } from '../e2e/fixtures';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The Electron binary, without importing `electron` (which would try to download it):
 * ELECTRON_OVERRIDE_DIST_PATH, or the one npm installed into node_modules/electron/dist.
 */
function electronBinary(): string | null {
  const pathFile = join(repoRoot, 'node_modules/electron/path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(repoRoot, 'node_modules/electron/dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

const skipReason =
  'No Electron binary: node_modules/electron/dist is missing (installs use ELECTRON_SKIP_BINARY_DOWNLOAD=1 where the download host is unreachable). ' +
  'Set ELECTRON_OVERRIDE_DIST_PATH to an Electron build to run this test.';
test('the desktop window shows the first run, exposes only window.api, creates a dossier, imports a CSV and exports a PDF', async () => {
  if (binary === null) {
    // The list reporter does not print skip reasons: say it where the run log shows it.
    console.log(`[electron smoke test skipped] ${skipReason}`);
    test.skip(true, skipReason);
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), 'dossierdesk-electron-')), 'archive');
  const app = await electron.launch({ executablePath: binary ?? undefined, args: [repoRoot, `--data-dir=${dataDir}`], cwd: repoRoot });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: '客户档案管理系统' })).toBeVisible();
    expect(page.url()).toBe('app://dossierdesk/index.html');

    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys((window as unknown as { api: object }).api).sort(),
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', api: [...channelNames].sort() });

    await page.getByLabel('登录名').fill('admin');
    await page.getByLabel('姓名').fill('王档案');
    await page.getByLabel('密码', { exact: true }).fill('admin-password-1');
    await page.getByLabel('确认密码').fill('admin-password-1');
    await page.getByRole('button', { name: '创建档案库' }).click();
    await createDossier(page, '张三 沪A12345 新车档案');
    await expect(page.getByTestId('dossier-table')).toContainText('张三 沪A12345 新车档案');

    // An import: the sheet is read in the core's process, by its import thread.
    await page.getByTestId('open-import').click();
    const csv = ['客户名称,联系电话,车架号（VIN）,车牌号,交车日期', '李四,13912345678,LSVAU2180N2183295,浙B54321,2026/10/1'].join('\r\n');
    await page.getByTestId('import-file').setInputFiles({ name: '新车客户.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await expect(page.getByTestId('import-sample')).toContainText('李四');
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-check-result')).toContainText('检查通过：1 行可导入');
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-result')).toContainText('已导入 1 份档案');
    await page.getByTestId('import-close').click();

    // A PDF, with the fonts from the app's resources, saved where the download handler is told.
    const saved = join(dataDir, '..', 'downloads');
    await app.evaluate(({ session }, folder) => {
      session.defaultSession.on('will-download', (_event, item) => item.setSavePath(`${folder}/${item.getFilename()}`));
    }, saved);
    await page.getByTestId('export-list').click();
    await page.getByTestId('export-list-pdf').click();
    await expect.poll(() => (existsSync(saved) ? readdirSync(saved).filter((name) => name.endsWith('.pdf')) : []), { timeout: 30_000 }).toHaveLength(1);

    // Navigation away from the app is refused.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url().startsWith('app://dossierdesk/')).toBe(true);
  } finally {
    await app.close();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
});
