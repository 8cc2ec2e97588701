import type { Page } from '@playwright/test';
import { openRawDatabase } from '../helpers/raw-archive';
import { expect, screenshot, signIn, test } from './fixtures';
import { SALES, seedCli, seedOrganisation, seedPassword } from './seed';

const DAY = 86_400_000;

/** The local day `days` from now, YYYY-MM-DD. */
function localDay(days: number): string {
  return new Date(Date.now() + days * DAY).toLocaleDateString('sv-SE');
}

/**
 * An organisation, a dossier, and a loan handed out ten days ago that was due back a week ago –
 * the history written into the register the way the weeks would have, since the harness runs on
 * the real clock.
 */
async function seed(dataDir: string): Promise<string> {
  const cli = seedCli(dataDir);
  await seedOrganisation(cli, SALES);
  const number = await cli(['dossier', 'create', '--title', '王五 沪B54321 新车档案', '--level', '内部', '--department', 'XSB']);
  const raw = await openRawDatabase(dataDir, 'admin', 'admin-password-1');
  try {
    const id = (login: string) => raw.prepare('SELECT id FROM users WHERE login = ?').pluck().get(login) as number;
    const dossier = raw.prepare('SELECT id, department_id FROM dossiers WHERE archive_number = ?').get(number) as { id: number; department_id: number };
    const asked = new Date(Date.now() - 11 * DAY).toISOString();
    const out = new Date(Date.now() - 10 * DAY).toISOString();
    raw.transaction(() => {
      const route = JSON.stringify([{ role: 'dept-manager', departmentId: dossier.department_id, rule: 'own-department' }]);
      const request = Number(
        raw
          .prepare(`INSERT INTO approval_requests (dossier_id, kind, requester_id, registered_by, purpose, route, requested_at, status, next_step, decided_at, valid_until, period_days)
            VALUES (?, 'loan', ?, ?, '核对合同', ?, ?, 'approved', 1, ?, ?, 3)`)
          .run(dossier.id, id('li'), id('li'), route, asked, asked, new Date(Date.now() + DAY).toISOString()).lastInsertRowid,
      );
      raw.prepare("INSERT INTO approval_decisions (request_id, step, approver_id, decision, decided_at) VALUES (?, 0, ?, 'approve', ?)").run(request, id('xsdm'), asked);
      raw.prepare('UPDATE approval_requests SET used_at = ? WHERE id = ?').run(out, request);
      raw.prepare(`INSERT INTO loans (request_id, dossier_id, kind, borrower_id, handed_out_by, handed_out_at, due_on, documents, borrower_signature)
        VALUES (?, ?, 'loan', ?, ?, ?, ?, '[]', '{"name":"销售小李"}')`).run(request, dossier.id, id('li'), id('clerk'), out, localDay(-7));
      raw.prepare("UPDATE dossiers SET status = 'on-loan' WHERE id = ?").run(dossier.id);
    })();
  } finally {
    raw.close();
  }
  return number;
}

async function switchUser(page: Page, login: string): Promise<void> {
  await page.getByTestId('lock-button').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(page, login, seedPassword(login));
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

test('an overdue loan: on the clerk’s workbench and the overdue list, a notice to the borrower, escalated to his manager', async ({ page, harness, cspViolations }) => {
  let archiveNumber = '';
  await page.goto(await harness.restart(async () => {
    archiveNumber = await seed(harness.dataDir);
  }));

  // The clerk starts at the workbench: the loan is overdue by seven days.
  await signIn(page, 'clerk', seedPassword('clerk'));
  const overdue = page.getByTestId('bench-overdue');
  await expect(overdue).toContainText(archiveNumber);
  await expect(overdue).toContainText('销售小李（销售部）');
  await expect(overdue).toContainText('逾期 7 天');
  await screenshot(page, 'overdue-01-workbench');
  await overdue.getByRole('button', { name: '去办理' }).click();
  await page.getByRole('tab', { name: '外借登记册' }).click();
  await page.getByTestId('loan-filter').getByText('逾期').click();
  const register = page.getByTestId('loan-register');
  await expect(register).toContainText(archiveNumber);
  await expect(register.getByRole('row', { name: new RegExp(archiveNumber) })).toContainText('7');
  await screenshot(page, 'overdue-02-register');

  // The borrower is told (once), and – more than a working day late – his manager too.
  await switchUser(page, 'li');
  await page.getByTestId('notice-bell').click();
  await expect(page.getByTestId('notice-list')).toContainText(`${archiveNumber}「王五 沪B54321 新车档案」已逾期 7 天未还`);
  await screenshot(page, 'overdue-03-notice');
  await page.keyboard.press('Escape');
  await switchUser(page, 'xsdm');
  await page.getByTestId('notice-bell').click();
  await expect(page.getByTestId('notice-list')).toContainText(archiveNumber);
  expect(cspViolations).toEqual([]);
});
