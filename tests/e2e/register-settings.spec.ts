import type { Locator, Page } from '@playwright/test';
import { createArchive, expect, screenshot, test } from './fixtures';

async function openRegisterSettings(page: Page): Promise<void> {
  await page.getByTestId('main-menu').getByText('系统设置').click();
  await page.getByRole('tab', { name: '登记簿' }).click();
  await expect(page.getByTestId('routing-table')).toBeVisible();
}

/** The routing table's row of a rule, found by the rule's text. */
const ruleRow = (page: Page, text: string): Locator => page.getByTestId('routing-table').getByRole('row').filter({ hasText: text });

/** Picks options in a multiple select (found by its test id or label) of the open dialog, then closes its list. */
async function pickMany(page: Page, select: Locator, options: string[]): Promise<void> {
  await select.click();
  for (const option of options) await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
  await page.keyboard.press('Escape');
}

/** Clicks a section's save button; the core must have taken the change (a message may still show from an earlier save). */
async function save(page: Page, button: Locator): Promise<void> {
  const answered = page.waitForResponse((response) => decodeURIComponent(response.url()).endsWith('/api/settings:update'));
  await button.click();
  expect(((await (await answered).json()) as { ok: boolean }).ok).toBe(true);
}

test('the administrator sets the registers’ rules: a 1-day loan maximum and a new routing rule stay after a reload, and each rule opens with its own values', async ({ page, harness, cspViolations }) => {
  await page.goto(harness.url);
  await createArchive(page);
  await openRegisterSettings(page);

  // The default routing rules, in words.
  await expect(page.getByTestId('routing-table').locator('tbody tr')).toHaveCount(5);
  await expect(ruleRow(page, '本部门档案')).toContainText('申请人为本部门人员');
  await expect(ruleRow(page, '本部门档案')).toContainText('部门经理（档案所属部门）；无人可审时依次由 总经理 审批');
  await expect(ruleRow(page, '房产档案')).toContainText('申请人为外单位人员；立档对象为房产');
  await screenshot(page, 'register-settings-00-approvals');

  // A new rule with its approver removed: the core refuses it, and says so beside the approvers.
  await page.getByTestId('add-routing-rule').click();
  let dialog = page.getByTestId('routing-rule-dialog');
  await dialog.getByLabel('规则说明').fill('导出须经法务审批');
  await pickMany(page, dialog.getByTestId('rule-kinds'), ['导出']);
  await dialog.getByRole('button', { name: '移除审批人' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('规则“导出须经法务审批”没有审批人：至少指定一位审批人')).toBeVisible();
  await screenshot(page, 'register-settings-01-rule-without-approver');
  await dialog.getByTestId('add-approver').click();
  // The new row comes as 总经理; under load a click on an option while its list still opens was lost, and the rule saved as 总经理.
  await expect(async () => {
    await dialog.getByLabel('审批人角色').click();
    await page.locator('.ant-select-dropdown:visible').getByText('法务', { exact: true }).click({ timeout: 3000 });
    await expect(dialog.getByTestId('rule-approver')).toContainText('法务', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(ruleRow(page, '导出须经法务审批')).toContainText('申请导出');
  await expect(ruleRow(page, '导出须经法务审批')).toContainText('自定义');

  // Loans: at most 1 day – but first with the archive head told before the manager: refused, beside the head's field.
  await page.getByRole('tab', { name: '借阅' }).click();
  await page.getByTestId('loan-max-days').fill('1');
  await page.getByTestId('manager-after').fill('5');
  await page.getByTestId('head-after').fill('2');
  await page.getByTestId('save-loan-settings').click();
  const headField = page.locator('.ant-form-item').filter({ has: page.getByTestId('head-after') });
  await expect(headField).toContainText('报告档案室主任的期限不能早于报告部门经理');
  await screenshot(page, 'register-settings-02-loans-refused');
  await page.getByTestId('head-after').fill('6');
  await expect(headField).not.toContainText('报告档案室主任的期限不能早于报告部门经理');
  await save(page, page.getByTestId('save-loan-settings'));

  // Intake: incident dossiers get a deadline of 2 working days after their event date.
  await page.getByRole('tab', { name: '签收' }).click();
  const incident = page.getByTestId('intake-deadlines').getByRole('row').filter({ hasText: '事件档案' });
  await expect(incident).toContainText('无签收期限');
  await incident.getByRole('switch').click();
  await incident.getByLabel('事件档案 期限').fill('2');
  await save(page, page.getByTestId('save-intake-settings'));
  await screenshot(page, 'register-settings-03-intake');

  // Violations: PN-01 fined 80 yuan, PN-07 switched off.
  await page.getByRole('tab', { name: '违规' }).click();
  const violations = page.getByTestId('violation-rules');
  const violation = (code: string) => violations.getByRole('row').filter({ hasText: code });
  await expect(violation('PN-02')).toContainText('移交缺件；限新车档案；材料：交车检查表、新车PDI检查表');
  await violation('PN-01').getByLabel('PN-01 罚款').fill('80');
  await violation('PN-07').getByRole('switch').click();
  await save(page, page.getByTestId('save-violation-settings'));

  // After a reload: all kept.
  await page.reload();
  // The page may draw itself again while the reloaded session settles, back on the settings' first
  // tab (a CI run saw it after the rule was found): wait for the network to rest, and look until it stands.
  await page.waitForLoadState('networkidle');
  await expect(async () => {
    await openRegisterSettings(page);
    await expect(ruleRow(page, '导出须经法务审批')).toContainText('法务', { timeout: 3000 });
    await page.getByRole('tab', { name: '借阅' }).click({ timeout: 3000 });
    await expect(page.getByTestId('loan-max-days')).toHaveValue('1', { timeout: 3000 });
  }).toPass({ timeout: 40_000 });
  await expect(page.getByTestId('manager-after')).toHaveValue('5');
  await expect(page.getByTestId('head-after')).toHaveValue('6');
  await page.getByRole('tab', { name: '签收' }).click();
  await expect(page.getByTestId('intake-deadlines').getByLabel('事件档案 期限')).toHaveValue('2');
  await page.getByRole('tab', { name: '违规' }).click();
  await expect(violation('PN-01').getByLabel('PN-01 罚款')).toHaveValue('80.00');
  await expect(violation('PN-01')).toContainText('已修改');
  // Switched off, the default rule stays listed, to be switched on again.
  await expect(violation('PN-07').getByRole('switch')).not.toBeChecked();
  await expect(violation('PN-02').getByRole('switch')).toBeChecked();
  await screenshot(page, 'register-settings-04-violations');

  // 编辑 PN-02, change it, cancel; 编辑 PN-05: its own values.
  await violation('PN-02').getByRole('button', { name: '编辑' }).click();
  let ruleDialog = page.getByTestId('violation-rule-dialog');
  await expect(ruleDialog.getByLabel('规则名称')).toHaveValue('销售顾问移交的检查类档案无用户签名');
  await ruleDialog.getByLabel('规则名称').fill('改了又取消');
  await ruleDialog.getByRole('button', { name: '取消' }).click();
  await expect(ruleDialog).toBeHidden();
  await violation('PN-05').getByRole('button', { name: '编辑' }).click();
  ruleDialog = page.getByTestId('violation-rule-dialog');
  await expect(ruleDialog.getByLabel('编号')).toHaveValue('PN-05');
  await expect(ruleDialog.getByLabel('规则名称')).toHaveValue('服务顾问移交的档案无用户签名');
  await expect(ruleDialog).toContainText('售后档案');
  await expect(ruleDialog).toContainText('结算单');
  await expect(ruleDialog).not.toContainText('交车检查表');
  await screenshot(page, 'register-settings-05-violation-rule');
  await ruleDialog.getByRole('button', { name: '取消' }).click();
  await expect(violation('PN-02')).not.toContainText('改了又取消');

  await page.getByRole('tab', { name: '审批' }).click();

  // 编辑 the first rule, change it, cancel; 编辑 the second: its own values, nothing of the first.
  await ruleRow(page, '本部门档案').getByRole('button', { name: '编辑' }).click();
  dialog = page.getByTestId('routing-rule-dialog');
  await expect(dialog.getByLabel('规则说明')).toHaveValue('本部门档案：部门经理审批（经理本人申请时由上级部门经理或总经理审批）');
  await dialog.getByLabel('规则说明').fill('改了又取消');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await ruleRow(page, '其他部门档案').getByRole('button', { name: '编辑' }).click();
  dialog = page.getByTestId('routing-rule-dialog');
  await expect(dialog.getByLabel('规则说明')).toHaveValue('其他部门档案：总经理审批');
  await expect(dialog.getByTestId('rule-relation')).toContainText('其他部门人员');
  await expect(dialog.getByTestId('rule-relation')).not.toContainText('本部门人员');
  await expect(dialog.getByTestId('rule-approver')).toHaveCount(1);
  await expect(dialog.getByTestId('rule-approver')).toContainText('总经理');
  await expect(dialog.getByTestId('rule-approver')).toContainText('不限部门');
  await screenshot(page, 'register-settings-07-second-rule');
  await dialog.getByRole('button', { name: '取消' }).click();
  await ruleRow(page, '导出须经法务审批').getByRole('button', { name: '编辑' }).click();
  dialog = page.getByTestId('routing-rule-dialog');
  await expect(dialog.getByLabel('规则说明')).toHaveValue('导出须经法务审批');
  await expect(dialog.getByTestId('rule-kinds')).toContainText('导出');
  await expect(dialog.getByTestId('rule-approver')).toContainText('法务');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(ruleRow(page, '本部门档案')).not.toContainText('改了又取消');

  // 恢复默认, once confirmed: the default rules again, without the new one.
  await page.getByTestId('restore-approvals').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复默认' }).click();
  await expect(page.getByTestId('routing-table').locator('tbody tr')).toHaveCount(5);
  await expect(ruleRow(page, '导出须经法务审批')).toHaveCount(0);

  // In English, the rules read in English.
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Registers' })).toBeVisible();
  await expect(page.getByTestId('routing-table')).toContainText('requester: Own department');
  await expect(page.getByTestId('routing-table')).toContainText('Department manager (dossier’s department); if none may decide: General manager, in turn');
  await screenshot(page, 'register-settings-06-english');

  expect(cspViolations).toEqual([]);
});
