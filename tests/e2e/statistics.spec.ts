import type { Page } from '@playwright/test';
import dayjs from 'dayjs';
import { expect, screenshot, signIn, test } from './fixtures';
import { seedCli, seedOrganisation, seedPassword as password } from './seed';

/** Last month: every hand-over seeded below lies in the past, whatever day the test runs on. */
const last = dayjs().subtract(1, 'month');
const day = (n: number) => last.date(n).format('YYYY-MM-DD');

/**
 * Last month's intake book, written from the command line while the harness is stopped: 销售小李
 * hands over one new-vehicle dossier three weeks late and one on time without its delivery
 * checklist (signed by the customer); 销售小陈 one on time and whole.
 */
async function seed(dataDir: string): Promise<void> {
  const cli = seedCli(dataDir);
  await seedOrganisation(cli, {
    departments: [['XSB', '销售部']],
    users: [
      ['clerk', '档案员小王', 'clerk', 'DAS'],
      ['li', '销售小李', 'staff', 'XSB'],
      ['audit', '审计员老孙', 'auditor', 'DAS'],
    ],
  });
  const vehicle = (vin: string, delivered: string) => cli(['dossier', 'create', '--type', 'vehicle-new', '--field', `customerName=客户${vin.slice(-2)}`, '--field', 'phone=13800138000', '--field', `vin=${vin}`, '--field', `deliveryDate=${delivered}`, '--opened-on', delivered, '--department', 'XSB', '--classification', '一般']);
  const clerk = { DOSSIERDESK_USER: 'clerk', DOSSIERDESK_PASSWORD: password('clerk') };
  const handOver = async (archiveNumber: string, by: string[], at: string, missing: string[] = []) =>
    cli(['intake', 'add', '--from-department', 'XSB', ...by, '--dossier', archiveNumber, ...missing.flatMap((m) => ['--missing', m]), '--at', `${at} 16:00`], clerk);
  await handOver(await vehicle('LSVAU2180N2183201', day(2)), ['--handed-by', '销售小李', '--handed-by-user', 'li'], day(25));
  await handOver(await vehicle('LSVAU2180N2183202', day(20)), ['--handed-by', '销售小李', '--handed-by-user', 'li'], day(20), ['交车检查表']);
  await handOver(await vehicle('LSVAU2180N2183203', day(21)), ['--handed-by', '销售小陈'], day(21));
}

/** Opens 统计 from the main menu – from its overflow (…) when the window is too narrow for every section. */
async function openStatistics(page: Page): Promise<void> {
  const menu = page.getByTestId('main-menu');
  await expect(menu.getByRole('menuitem').first()).toBeVisible();
  const item = menu.getByRole('menuitem', { name: '统计' });
  if (await item.isVisible()) await item.click();
  else {
    await menu.locator('.ant-menu-overflow-item-rest').hover();
    await page.locator('.ant-menu-submenu-popup').getByRole('menuitem', { name: '统计' }).click();
  }
  await expect(page.getByTestId('statistics-page')).toBeVisible();
}

async function chooseLastMonth(page: Page): Promise<void> {
  const picker = page.getByTestId('statistics-month');
  await picker.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(last.format('YYYY-MM'));
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(last.format('YYYY-MM'));
}

test('the statistics page: KPIs charted over 12 months with their numbers, and the month’s violations per person', async ({ page, harness, cspViolations }) => {
  await page.goto(await harness.restart(() => seed(harness.dataDir)));
  await signIn(page, 'audit', password('audit'));
  await openStatistics(page);
  await chooseLastMonth(page);

  // Last month: three first hand-overs, two by their deadline and two whole.
  const timeliness = page.getByTestId('kpi-timeliness');
  await expect(timeliness.getByTestId('kpi-timeliness-table').getByRole('row', { name: last.format('YYYY-MM') })).toContainText('2 / 3');
  await expect(timeliness.getByTestId('kpi-timeliness-table').getByRole('row', { name: last.format('YYYY-MM') })).toContainText('66.7%');
  await expect(page.getByTestId('kpi-completeness-table').getByRole('row', { name: last.format('YYYY-MM') })).toContainText('66.7%');
  // The charts are drawn (SVG): the rate is labelled on last month's point.
  await expect(timeliness.getByTestId('kpi-timeliness-chart').locator('svg')).toContainText('66.7%');
  await expect(page.getByTestId('kpi-opened-table')).toContainText('新车档案');
  await expect(page.getByTestId('kpi-by-department')).toContainText('销售部（XSB）');
  await screenshot(page, 'statistics-01-kpis');

  await page.getByRole('tab', { name: '违规记录' }).click();
  await expect(page.getByTestId('violation-people')).toContainText('销售小李');
  const list = page.getByTestId('violation-list');
  await expect(list).toContainText('PN-01 销售顾问超过交车后 3 个工作日上交档案');
  await expect(list).toContainText('缺：交车检查表');
  await expect(page.getByTestId('violation-total')).toContainText(`${last.format('YYYY-MM')} 违规`);
  await screenshot(page, 'statistics-02-violations');
  expect(cspViolations).toEqual([]);
});
