import { spawn } from 'node:child_process';
import { formatReport, type BenchReport } from '../../electron/cli/bench/stats';
import { builtCli } from '../cli/run-cli';
import { runBackupBench } from './backup';
import { runFirstScreenBench } from './first-screen';
import { runKpiBench } from './kpi-report';
import { runRegisterPdfBench } from './register-pdf';
import { runResponsivenessBench } from './responsiveness';
import { runScanImageBench } from './scan-images';

/**
 * `npm run bench`: the built CLI's figures (what users run: the catalogue, the registers, and scans
 * filed through the core and exported as one PDF while the list is asked for beside it), then the browser preview's first
 * screen, printed as one table. The first-screen part drives Chromium through Playwright, which
 * belongs to the development tools, not to the CLI that ships in the app.
 *
 * Then the printed registers: a loan register as a PDF (and, for comparison, the same layout in
 * Helvetica) and as an .xlsx, timed in this process.
 *
 * Then the KPI report and the violation ledger over a million register entries (kpi-report.ts).
 *
 * Then a scanned page's thumbnail, first asked for and kept (scan-images.ts).
 *
 * Options of its own: --screen-runs <n> (default 10), --screen-only (skip the CLI's figures, the
 * responsiveness and the registers), --responsiveness-rows <n> (default 100,000: the import the light
 * calls run beside), --register-rows <n> (default 10,000), --register-runs <n> (default 3),
 * --kpi-entries <n> (default 1,000,000), --kpi-runs <n> (default 20), --scan-pages <n> (default 20:
 * so many scanned JPEGs and a scanned PDF of so many pages), --backup-dossiers <n> (default 200,000)
 * and --backup-scan-megabytes <n> (default 10,240: the archive backed up and checked; 0 leaves it out).
 * Every other argument goes to `dossierdesk bench` (--dossiers, --documents, --creates,
 * --register-entries, --scan-filing-pages, --keep, --json).
 */
const { screenRuns, screenOnly, responsivenessRows, registerRows, registerRuns, kpiEntries, kpiRuns, scanPages, backupDossiers, backupScanMegabytes, json, cliArgs } = parseArgs(process.argv.slice(2));
const progress = (text: string) => process.stderr.write(`${text}\n`);

const report: BenchReport = screenOnly ? { figures: [], notes: [], kept: [] } : await runCliBench(cliArgs);
if (!screenOnly) {
  const responsiveness = await runResponsivenessBench({ rows: responsivenessRows, progress });
  report.figures.push(...responsiveness.figures);
  report.notes.push(...responsiveness.notes);
  const registers = await runRegisterPdfBench({ rows: registerRows, runs: registerRuns, progress });
  report.figures.push(...registers.figures);
  report.notes.push(...registers.notes);
  const kpi = await runKpiBench({ entries: kpiEntries, runs: kpiRuns, progress });
  report.figures.push(...kpi.figures);
  report.notes.push(...kpi.notes);
  const scanImages = await runScanImageBench({ pages: scanPages, progress });
  report.figures.push(...scanImages.figures);
  report.notes.push(...scanImages.notes);
  if (backupScanMegabytes > 0) {
    const backup = await runBackupBench({ dossiers: backupDossiers, scanMegabytes: backupScanMegabytes, progress });
    report.notes.push(...backup.notes);
  }
}
report.figures.push(...(await runFirstScreenBench({ runs: screenRuns, progress })));
console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));

function parseArgs(args: string[]): { screenRuns: number; screenOnly: boolean; responsivenessRows: number; registerRows: number; registerRuns: number; kpiEntries: number; kpiRuns: number; scanPages: number; backupDossiers: number; backupScanMegabytes: number; json: boolean; cliArgs: string[] } {
  let screenRuns = 10;
  let screenOnly = false;
  let responsivenessRows = 100_000;
  let registerRows = 10_000;
  let registerRuns = 3;
  let kpiEntries = 1_000_000;
  let kpiRuns = 20;
  let scanPages = 20;
  let backupDossiers = 200_000;
  let backupScanMegabytes = 10_240;
  const count = (flag: string, value: string | undefined, least: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < least) throw new Error(`${flag} needs a whole number ≥ ${least}`);
    return n;
  };
  const cliArgs: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--screen-only') screenOnly = true;
    else if (arg === '--screen-runs') screenRuns = count(arg, args[(i += 1)], 1);
    else if (arg === '--responsiveness-rows') responsivenessRows = count(arg, args[(i += 1)], 1);
    else if (arg === '--register-rows') registerRows = count(arg, args[(i += 1)], 1);
    else if (arg === '--register-runs') registerRuns = count(arg, args[(i += 1)], 1);
    else if (arg === '--kpi-entries') kpiEntries = count(arg, args[(i += 1)], 4);
    else if (arg === '--kpi-runs') kpiRuns = count(arg, args[(i += 1)], 1);
    else if (arg === '--scan-pages') scanPages = count(arg, args[(i += 1)], 1);
    else if (arg === '--backup-dossiers') backupDossiers = count(arg, args[(i += 1)], 1);
    else if (arg === '--backup-scan-megabytes') backupScanMegabytes = count(arg, args[(i += 1)], 0);
    else cliArgs.push(arg);
  }
  return { screenRuns, screenOnly, responsivenessRows, registerRows, registerRuns, kpiEntries, kpiRuns, scanPages, backupDossiers, backupScanMegabytes, json: cliArgs.includes('--json'), cliArgs };
}

/** Runs `dossierdesk bench --json`, its progress shown as it goes, and reads its report. */
function runCliBench(args: string[]): Promise<BenchReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli, 'bench', ...args.filter((a) => a !== '--json'), '--json'], { stdio: ['inherit', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as BenchReport) : reject(new Error(`dossierdesk bench exited with ${code}`))));
  });
}
