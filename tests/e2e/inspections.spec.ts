import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inspectPdf } from '../helpers/pdf';
import { samplePng } from '../helpers/scan-files';
import { checkItems } from '../../shared/inspections';
import { expect, screenshot, signIn, test } from './fixtures';
import { SALES, seedCli, seedOrganisation, seedPassword } from './seed';

/** The local day `months` ago (YYYY-MM-DD). */
function monthsAgo(months: number): string {
  const day = new Date();
  day.setMonth(day.getMonth() - months);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** Drops a photo onto a place as the desktop would: a drag carrying it, then the drop. */
async function dropPhoto(page: Page, target: Locator, name: string, bytes: Uint8Array): Promise<void> {
  const transfer = await page.evaluateHandle((sent) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(sent.bytes)], sent.name, { type: 'image/png' }));
    return data;
  }, { name, bytes: [...bytes] });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(target).toHaveClass(/inspection-drop-active/);
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Rooms A and B; room A was last inspected four months ago (due in two months at the half-year,
 * overdue quarterly), B was set up today. One dossier, 张三 新车档案 – made from the command line's core while the harness is stopped.
 */
async function seed(dataDir: string): Promise<string> {
  const checks = checkItems.map((item) => ({ item, status: 'ok', reading: item === 'humidity' ? 50 : item === 'temperature' ? 16 : null, note: null }));
  const [number] = await seedOrganisation(seedCli(dataDir), SALES, {
    dossiers: [{ title: '张三 新车档案', level: 1, departmentCode: 'XSB' }],
    calls: [
      { channel: 'location:create', input: { parentId: null, code: 'A', name: '一号库房' } },
      { channel: 'location:create', input: { parentId: null, code: 'B', name: '二号库房' } },
      { by: 'clerk', channel: 'inspection:start', input: { locationId: 1 } },
      { by: 'clerk', channel: 'inspection:save-checks', input: { id: 1, checks } },
      { by: 'clerk', channel: 'inspection:finish', input: { id: 1, inspectedOn: monthsAgo(4), inspectors: ['王芳'] } },
    ],
  });
  return number ?? '';
}

test('an overdue inspection on the workbench, recorded with a finding and its photo, a repair, and the record printed', async ({ page, harness, cspViolations }) => {
  let number = '';
  await page.goto(await harness.restart(async () => {
    number = await seed(harness.dataDir);
  }));
  // Half-yearly, nothing is overdue; the administrator sets the stricter quarterly interval (ST-05).
  await signIn(page, 'admin', 'admin-password-1');
  await page.getByTestId('main-menu').getByText('工作台').click();
  const bench = page.getByTestId('bench-inspections');
  await expect(bench).toContainText('各库房的保管检查均未逾期');
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '登记簿' }).click();
  await page.getByRole('tab', { name: '保管检查' }).click();
  await page.getByTestId('inspection-interval').getByText('每季度').click();
  await page.getByTestId('save-inspection-settings').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await screenshot(page, 'inspections-00-settings');
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();

  await signIn(page, 'clerk', seedPassword('clerk'));
  await expect(bench.getByTestId('bench-inspection-overdue')).toContainText('A 一号库房 已逾期');
  await screenshot(page, 'inspections-01-workbench');
  await bench.getByRole('button', { name: '去办理' }).click();

  const plan = page.getByTestId('inspection-plan');
  await expect(plan.getByRole('row', { name: /一号库房/ })).toContainText('已逾期');
  await expect(plan.getByRole('row', { name: /二号库房/ })).toContainText('从未检查');
  await page.getByTestId('start-A').click();
  await expect(page.getByTestId('inspection-place')).toContainText('一号库房');

  // The checklist: readings, one problem with its note.
  await page.getByTestId('edit-checklist').click();
  const checklist = page.getByTestId('checklist-dialog');
  await checklist.getByLabel('湿度 读数').fill('68');
  await checklist.getByLabel('温度 读数').fill('19');
  await checklist.getByTestId('status-mould').getByText('有问题').click();
  await checklist.getByRole('button', { name: '保存' }).click();
  await expect(checklist.getByText('有问题时必填')).toBeVisible();
  await checklist.getByLabel('防潮防霉 情况说明').fill('北墙角有霉斑');
  await checklist.getByRole('button', { name: '保存' }).click();
  await expect(checklist).toBeHidden();
  await expect(page.getByTestId('inspection-checklist')).toContainText('68 %RH');
  await expect(page.getByTestId('inspection-checklist')).toContainText('北墙角有霉斑');

  // A finding with a photo chosen in the file chooser.
  await page.getByTestId('add-finding').click();
  const finding = page.getByTestId('finding-dialog');
  // The number field has the focus (animations are off in these tests, as on a remote desktop).
  await expect(finding.getByTestId('finding-number')).toBeFocused();
  await finding.getByTestId('finding-number').fill(number);
  await finding.getByTestId('finding-note').fill('合同第 3 页字迹褪色');
  const chooser = page.waitForEvent('filechooser');
  await finding.getByTestId('finding-photo-drop').click();
  await (await chooser).setFiles({ name: 'IMG_0042.png', mimeType: 'image/png', buffer: Buffer.from(samplePng({ width: 320, height: 240, variant: 5 })) });
  await expect(finding.getByTestId('finding-chosen-photos')).toContainText('IMG_0042.png');
  await finding.getByRole('button', { name: '保存' }).click();
  await expect(finding).toBeHidden();
  const item = page.getByTestId(`finding-${number}`);
  await expect(item).toContainText('张三 新车档案');
  await expect(item).toContainText('字迹褪色');
  await expect(item.locator('img')).toHaveCount(1);
  await expect(item.locator('img')).toHaveJSProperty('complete', true);

  // Edit shows this finding; cancelled, a new finding starts empty.
  await item.getByTestId('edit-finding').click();
  await expect(finding.getByTestId('finding-number')).toHaveValue(number);
  await expect(finding.getByTestId('finding-note')).toHaveValue('合同第 3 页字迹褪色');
  await finding.getByRole('button', { name: '取消' }).click();
  await expect(finding).toBeHidden();
  await page.getByTestId('add-finding').click();
  await expect(finding.getByTestId('finding-number')).toHaveValue('');
  await expect(finding.getByTestId('finding-note')).toHaveValue('');
  await expect(finding.getByTestId('finding-photo-drop')).toBeVisible();
  await expect(finding.getByText('IMG_0042.png')).toHaveCount(0);
  await finding.getByRole('button', { name: '取消' }).click();

  // A second photo dropped onto the finding from the desktop.
  await dropPhoto(page, item.getByTestId('add-photo'), 'IMG_0043.png', samplePng({ width: 240, height: 320, variant: 6 }));
  await expect(item.locator('img')).toHaveCount(2);
  await screenshot(page, 'inspections-02-record');

  // Finished: the record is a register entry; then the repair order and its outcome.
  await page.getByTestId('inspection-finish').click();
  const finish = page.getByTestId('finish-dialog');
  await finish.getByLabel('检查人').pressSequentially('王芳');
  await page.keyboard.press('Enter');
  await finish.getByLabel('检查人').pressSequentially('李强');
  await page.keyboard.press('Enter');
  await finish.getByTestId('finish-remarks').fill('已开启除湿机');
  await screenshot(page, 'inspections-03-finish');
  await finish.getByRole('button', { name: '完成检查' }).click();
  await expect(finish).toBeHidden();
  await expect(page.getByTestId('inspection-state')).toContainText('王芳、李强');
  await expect(page.getByTestId('add-finding')).toHaveCount(0);

  await item.getByTestId('order-repair').click();
  const order = page.getByTestId('repair-order-dialog');
  await expect(order.getByTestId('repair-instructions')).toBeFocused();
  await order.getByTestId('repair-instructions').fill('送修复室托裱、字迹加固');
  await order.getByRole('button', { name: '开修复单' }).click();
  await expect(item.getByTestId('finding-repair')).toContainText('待修复');
  await item.getByTestId('record-outcome').click();
  const outcome = page.getByTestId('repair-outcome-dialog');
  await outcome.getByTestId('repaired-by').fill('赵师傅');
  await outcome.getByRole('button', { name: '登记修复结果' }).click();
  await expect(outcome).toBeHidden();
  await expect(item.getByTestId('finding-repair')).toContainText('已修复');
  await screenshot(page, 'inspections-04-repaired');

  const download = page.waitForEvent('download');
  await page.getByTestId('inspection-print').click();
  const text = inspectPdf(readFileSync(await (await download).path())).text.replace(/\s+/g, '');
  for (const words of ['档案保管检查记录', '一号库房', '王芳、李强', '68%RH', '北墙角有霉斑', number, '张三新车档案', '字迹褪色', '照片2张', '已修复', '赵师傅', '检查人', '档案室负责人']) expect(text).toContain(words);

  // Back on the plan, room A is no longer overdue.
  await page.getByRole('button', { name: '返回检查计划' }).click();
  await expect(plan.getByRole('row', { name: /一号库房/ })).toContainText('正常');

  // In English.
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByTestId('inspection-open-2').click();
  await expect(page.getByTestId('inspection-checklist')).toContainText('Moisture and mould');
  await expect(item).toContainText('Repaired');
  await screenshot(page, 'inspections-05-english');
  expect(cspViolations).toEqual([]);
});
