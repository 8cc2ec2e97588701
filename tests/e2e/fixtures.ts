import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarnessProcess, stopHarnessProcess } from '../helpers/harness-process';

const screensDir = fileURLToPath(new URL('../../test-results/screens', import.meta.url));

export interface HarnessRun {
  url: string;
  dataDir: string;
  /** Stops the harness process and starts a new one on the same data folder (an app restart); `meanwhile` runs while it is stopped. */
  restart(meanwhile?: () => void | Promise<void>): Promise<string>;
}

/** Each test gets a fresh temporary data folder and its own harness process on it. */
export const test = base.extend<{ harness: HarnessRun; cspViolations: string[] }>({
  // Playwright reads the fixture's dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'dossierdesk-e2e-')), 'archive');
    let running = await startHarnessProcess(dataDir);
    const run: HarnessRun = {
      get url() {
        return running.url;
      },
      dataDir,
      restart: async (meanwhile) => {
        await stopHarnessProcess(running.child);
        await meanwhile?.();
        running = await startHarnessProcess(dataDir);
        return running.url;
      },
    };
    await use(run);
    await stopHarnessProcess(running.child);
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  },
  cspViolations: async ({ page }, use) => {
    const violations: string[] = [];
    await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
          `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        );
      });
    });
    page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
    await use(violations);
  },
});

/** Saves a screenshot under test-results/screens for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  // Animations finished: a screenshot shows the screen as it settles, not a tab halfway through fading in.
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

export const ADMIN = { login: 'admin', displayName: '王档案', password: 'admin-password-1' };

export async function createArchive(page: Page): Promise<void> {
  await page.getByLabel('登录名').fill(ADMIN.login);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '创建档案库' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
}

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Picks an option in an antd Select that belongs to the given form field label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
}

export async function createDossier(page: Page, title: string, options: { level?: string; department?: string } = {}): Promise<string> {
  await page.getByTestId('create-dossier').click();
  const dialog = page.getByRole('dialog', { name: '新建档案' });
  await choose(page, '档案类型', '无类型（仅题名）');
  await dialog.getByLabel('案卷题名').fill(title);
  if (options.level) await choose(page, '密级', options.level);
  if (options.department) await choose(page, '所属部门', options.department);
  await dialog.getByRole('button', { name: '创建' }).click();
  const notice = page.getByText(/^已创建档案 KH-\d{4}-\d{6}$/).last();
  await expect(notice).toBeVisible();
  const number = /KH-\d{4}-\d{6}/.exec((await notice.textContent()) ?? '')?.[0];
  if (!number) throw new Error('no archive number shown');
  await expect(dialog).toBeHidden();
  return number;
}

export { expect };
