import type { Page } from '@playwright/test';
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { startHarnessProcess, stopHarnessProcess } from '../helpers/harness-process';
import { ADMIN, createDossier, expect, screenshot, signIn, test } from './fixtures';
import { SALES, seedCli, seedOrganisation } from './seed';

/** Chooses the backup file on the first-run screen (the browser's file chooser; the file is then staged in chunks). */
async function chooseBackup(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-choose').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('restore-file')).toContainText(basename(file));
}

test('the administrator sets the backup folder, backs up, checks the backup, and restores it into a new data folder', async ({ page, harness, cspViolations }) => {
  const backupFolder = join(harness.dataDir, '..', 'usb-drive');
  mkdirSync(backupFolder);
  let numbers: string[] = [];
  await page.goto(await harness.restart(async () => {
    numbers = await seedOrganisation(seedCli(harness.dataDir), SALES, { dossiers: [{ title: '张三 沪A12345 新车档案', level: 1, departmentCode: 'XSB' }] });
  }));
  const [kept] = numbers as [string];
  await signIn(page, ADMIN.login, ADMIN.password);

  // Nothing set yet: the workbench warns, the page says so and leads to the setting.
  await page.getByTestId('main-menu').getByText('工作台').click();
  await expect(page.getByTestId('bench-backup-warning')).toContainText('尚未设置备份文件夹');
  await page.getByTestId('main-menu').getByText('备份与恢复').click();
  await expect(page.getByTestId('backup-no-folder')).toContainText('尚未设置备份文件夹');
  await expect(page.getByTestId('backup-now')).toBeDisabled();
  await page.getByRole('button', { name: '设置备份文件夹' }).click();
  const card = page.getByTestId('backup-setting-card');
  await expect(card).toContainText('只能用本档案库的密码打开');
  await card.getByTestId('backup-folder').fill(backupFolder);
  await card.getByTestId('backup-interval').fill('3');
  await card.getByTestId('backup-setting-save').click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  // Saving renders the settings anew once they are read back: the scroll is tried again if the card it
  // found was replaced meanwhile.
  await expect(() => card.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  await screenshot(page, 'backup-01-setting');

  // Signed in again, the window has the backup that is now due taken by the schedule, unasked.
  await page.getByTestId('lock-button').click();
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByTestId('main-menu').getByText('备份与恢复').click();
  const rows = page.getByTestId('backup-list').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1, { timeout: 60_000 });
  await expect(rows.first()).toContainText('检验通过');

  // A backup now: written, checked, listed first as checked good.
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-taken')).toContainText('已备份并检验通过', { timeout: 60_000 });
  const fileName = readdirSync(backupFolder)
    .filter((name) => name.endsWith('.ddbackup'))
    .sort()
    .at(-1);
  if (!fileName) throw new Error(`no backup in ${backupFolder}`);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(fileName);
  await expect(rows.first()).toContainText('检验通过');
  await expect(rows.first()).toContainText('admin');
  await expect(page.getByTestId('backup-last-good')).toContainText('今天');
  await expect(page.getByTestId('backup-due')).toHaveText('未到期');
  await screenshot(page, 'backup-02-taken');

  // The workbench shows its age.
  await page.getByTestId('main-menu').getByText('工作台').click();
  await expect(page.getByTestId('bench-backup-age')).toContainText('上次有效备份：今天');
  await expect(page.getByTestId('bench-backup-warning')).toHaveCount(0);
  await screenshot(page, 'backup-03-workbench');

  // The restore drill of that backup: each check shown.
  await page.getByTestId('main-menu').getByText('备份与恢复').click();
  await page.getByTestId(`backup-verify-${fileName}`).click();
  const outcome = page.getByTestId(`backup-checked-${fileName}`);
  await expect(outcome).toContainText('备份完好，可以恢复', { timeout: 60_000 });
  await expect(outcome).toContainText('档案 1 份');
  await expect(outcome.locator('[data-ok="false"]')).toHaveCount(0);
  await expect(page.getByTestId('backup-last-drill')).toContainText('通过');
  await screenshot(page, 'backup-04-drill');

  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(outcome).toContainText('The backup is sound and can be restored');
  await screenshot(page, 'backup-05-drill-english');
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();

  // The drive unplugged: a backup now fails, loudly, on the page and on the workbench.
  const unplugged = `${backupFolder}-unplugged`;
  renameSync(backupFolder, unplugged);
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-failure')).toContainText('备份文件夹不存在');
  await expect(page.getByTestId('backup-list-error')).toContainText('备份文件夹不存在');
  await screenshot(page, 'backup-06-failed');
  await page.getByTestId('main-menu').getByText('工作台').click();
  await expect(page.getByTestId('bench-backup-failure')).toContainText('备份文件夹不存在');
  renameSync(unplugged, backupFolder);

  // A dossier registered after the backup is not in it.
  await page.getByTestId('main-menu').getByText('档案', { exact: true }).click();
  const later = await createDossier(page, '李四 房产客户档案');

  // The same backup restored on the first-run screen of a new, empty data folder.
  const elsewhere = await startHarnessProcess(join(harness.dataDir, '..', 'new-computer'));
  try {
    await page.goto(elsewhere.url);
    await page.getByTestId('first-run-mode').getByText('从备份恢复').click();
    await page.getByLabel('登录名（原档案库）').fill(ADMIN.login);
    await page.getByLabel('密码（原档案库）').fill(ADMIN.password);

    // Refused, each with the core's words: a file that is no backup, then a wrong password.
    const notABackup = join(harness.dataDir, '..', 'notes.ddbackup');
    writeFileSync(notABackup, '这不是备份');
    await chooseBackup(page, notABackup);
    await page.getByTestId('restore-submit').click();
    await expect(page.getByTestId('form-error')).toContainText('所选文件不是本程序的备份');

    await chooseBackup(page, join(backupFolder, fileName));
    await page.getByLabel('密码（原档案库）').fill('not-the-password-1');
    await page.getByTestId('restore-submit').click();
    await expect(page.getByTestId('form-error')).toHaveText('用户名或密码错误');
    await screenshot(page, 'backup-07-restore-refused');

    await page.getByLabel('密码（原档案库）').fill(ADMIN.password);
    await page.getByTestId('restore-submit').click();
    const restored = page.getByTestId('restored');
    await expect(restored).toContainText('已从备份恢复', { timeout: 60_000 });
    await expect(page.getByTestId('backup-summary')).toContainText('备份人：admin');
    await expect(page.getByTestId('backup-summary')).toContainText('档案 1 份');
    await expect(restored).toContainText('备份时间之后的更改不在其中');
    await expect(page.getByTestId('restore-checks').locator('[data-ok="false"]')).toHaveCount(0);
    // The 四性 check of the restored archive starts at once and says its verdict.
    await expect(page.getByTestId('restored-check-verdict')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('restored-check-verdict')).toContainText('全部通过');
    await screenshot(page, 'backup-08-restored');

    await page.getByTestId('restore-continue').click();
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    await page.getByTestId('main-menu').getByText('档案', { exact: true }).click();
    await expect(page.getByTestId('dossier-table')).toContainText(kept);
    await expect(page.getByTestId('dossier-table')).toContainText('张三 沪A12345 新车档案');
    await expect(page.getByTestId('dossier-table')).not.toContainText(later);
    await screenshot(page, 'backup-09-restored-dossiers');
    // The backup page names the backup this archive was restored from.
    await page.getByTestId('main-menu').getByText('备份与恢复').click();
    await expect(page.getByTestId('backup-restored-from')).toContainText('从');
    await expect(page.getByTestId('backup-restored-from')).toContainText('的备份恢复');
    await screenshot(page, 'backup-10-restored-from');
  } finally {
    await stopHarnessProcess(elsewhere.child);
  }
  expect(cspViolations).toEqual([]);
});
