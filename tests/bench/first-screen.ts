import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarise, type Figure } from '../../electron/cli/bench/stats';
import { runCli } from '../cli/run-cli';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';
import { startHarnessProcess, stopHarnessProcess } from '../helpers/harness-process';

export interface FirstScreenOptions {
  runs: number;
  progress: (text: string) => void;
}

interface Scenario {
  /** Which screen the user sees first, and on which archive. */
  context: string;
  dataDir: (run: number) => string;
  /** The screen's submit button: proves the usable form belongs to the expected screen. */
  submit: string;
}

interface Sample {
  /** Harness process spawned → form usable: what a user waits for after starting the preview. */
  coldStart: number;
  /** Navigation start → form usable: the renderer's own share, measured by the page's clock. */
  firstScreen: number;
}

const ADMIN = { login: 'bench-admin', displayName: '基准测试管理员', password: 'bench-password-1' };

/**
 * Run in the page on every animation frame: the epoch time at which the login-name field is in the
 * document, visible and enabled – a form the user can type into – or false until then.
 */
function usableFormAt(): number | false {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === '登录名');
  const input = label?.control;
  return input instanceof HTMLInputElement && !input.disabled && input.checkVisibility() ? performance.timeOrigin + performance.now() : false;
}

/**
 * The browser preview's cold start, to a first-run form (new archive) and to the sign-in form
 * (an existing archive, the screen users see daily): per run a fresh harness process and a fresh
 * Chromium with an empty profile, so nothing is cached.
 */
export async function runFirstScreenBench(options: FirstScreenOptions): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-bench-screen-'));
  try {
    const existing = join(root, 'existing');
    await createArchive(existing);
    const scenarios: Scenario[] = [
      { context: 'first run, new archive', dataDir: (run) => join(root, `new-${run}`), submit: '创建档案库' },
      { context: 'sign-in, existing archive', dataDir: () => existing, submit: '登录' },
    ];
    const figures: Figure[] = [];
    for (const scenario of scenarios) {
      options.progress(`browser preview cold start: ${scenario.context} …`);
      const samples: Sample[] = [];
      for (let run = 0; run < options.runs; run += 1) samples.push(await measure(scenario, run));
      figures.push(summarise('preview cold start → form usable', `${scenario.context}; harness + Chromium + page`, samples.map((s) => s.coldStart)));
      figures.push(summarise('first screen: navigation → form usable', `${scenario.context}; Chromium, empty cache`, samples.map((s) => s.firstScreen)));
    }
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function createArchive(dataDir: string): Promise<void> {
  const result = await runCli(['init', '--admin', ADMIN.login, '--display-name', ADMIN.displayName, '--data-dir', dataDir], { env: { DOSSIERDESK_PASSWORD: ADMIN.password } });
  if (result.code !== 0) throw new Error(`init failed (${result.code}): ${result.stderr}`);
}

async function measure(scenario: Scenario, run: number): Promise<Sample> {
  const spawned = performance.timeOrigin + performance.now();
  const harness = await startHarnessProcess(scenario.dataDir(run));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs }).catch(async (error: unknown) => {
    await stopHarnessProcess(harness.child);
    throw error;
  });
  try {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const errors = recordErrors(page);
    await page.goto(harness.url, { waitUntil: 'commit' });
    // waitForFunction resolves only once the function returns something truthy: the time.
    const usableAt = (await (await page.waitForFunction(usableFormAt, undefined, { polling: 'raf', timeout: 60_000 })).jsonValue()) as number;
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    await page.getByRole('button', { name: scenario.submit }).waitFor({ state: 'visible' });
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    return { coldStart: usableAt - spawned, firstScreen: usableAt - navigationStart };
  } finally {
    await browser.close();
    await stopHarnessProcess(harness.child);
  }
}

/** Page errors and CSP violations: a figure measured on a broken page would be meaningless. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}
