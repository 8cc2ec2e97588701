import { InvalidArgumentError, type Command } from 'commander';
import { runCatalogueBench } from '../bench/catalogue-bench';
import { runFoundationBench } from '../bench/foundation-bench';
import { runRegisterBench } from '../bench/register-bench';
import { runScanFilingBench } from '../bench/scan-filing-bench';
import { formatReport } from '../bench/stats';
import type { Run } from '../program';

interface BenchOptions {
  creates: number;
  dossiers: number;
  documents: number;
  registerEntries: number;
  scanFilingPages: number;
  keep?: boolean;
}

export function registerBenchCommand(program: Command, run: Run): void {
  program
    .command('bench')
    .description('在临时档案库上测量性能（不触碰真实数据） / measure performance on temporary archives (real data is never touched)')
    .option('--creates <n>', '逐份新建的档案数 / dossiers created one by one through the core', parseCount(200), 2000)
    .option('--dossiers <n>', '导入的档案数（目录与检索） / dossiers imported for the catalogue and search figures', parseCount(1000), 200_000)
    .option('--documents <n>', '卷内文件数 / documents filed into them', parseCount(0), 1_000_000)
    .option('--register-entries <n>', '登记簿条目数（签收、审批、借阅） / register entries (intakes, approvals, loans)', parseCount(1000), 1_000_000)
    .option('--scan-filing-pages <n>', '归档并导出的扫描页数（0 为不测） / scanned pages filed and exported (0 leaves them out)', parseCount(0), 1000)
    .option('--keep', '保留临时档案库 / keep the temporary archives')
    .action(run(async (session, options: BenchOptions) => {
      const progress = (text: string) => session.io.err(text);
      const keep = options.keep === true;
      const common = { migrationsDir: session.env.migrationsDir, appVersion: session.env.appVersion, keep, progress };
      // Scans first, in a process not yet holding what the catalogue's 200,000 dossiers leave behind (as a clerk's core process would not).
      const scans = options.scanFilingPages > 0 ? await runScanFilingBench({ migrationsDir: common.migrationsDir, appVersion: common.appVersion, pages: options.scanFilingPages, progress }) : { figures: [], notes: [] };
      const foundation = await runFoundationBench({ ...common, dossiers: options.creates });
      const catalogue = await runCatalogueBench({ ...common, dossiers: options.dossiers, documents: options.documents });
      const registers = await runRegisterBench({ ...common, entries: options.registerEntries });
      const report = {
        figures: [...foundation.figures, ...catalogue.figures, ...registers.figures, ...scans.figures],
        notes: [...catalogue.notes, ...registers.notes, ...scans.notes],
        kept: keep ? [foundation.dataDir, catalogue.dataDir, registers.dataDir] : [],
      };
      session.print(formatReport(report), report);
    }));
}

function parseCount(minimum: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < minimum) throw new InvalidArgumentError(`a whole number ≥ ${minimum}`);
    return n;
  };
}
