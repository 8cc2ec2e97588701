import { InvalidArgumentError, type Command } from 'commander';
import { runFoundationBench } from '../bench/foundation-bench';
import { formatFigures } from '../bench/stats';
import type { Run } from '../program';

export function registerBenchCommand(program: Command, run: Run): void {
  program
    .command('bench')
    .description('在临时档案库上测量性能（不触碰真实数据） / measure performance on a temporary archive (real data is never touched)')
    .option('--dossiers <n>', '创建的档案数 / dossiers to create', parseCount, 2000)
    .option('--keep', '保留临时档案库 / keep the temporary archive')
    .action(run(async (session, options: { dossiers: number; keep?: boolean }) => {
      const { figures, dataDir } = await runFoundationBench({
        migrationsDir: session.env.migrationsDir,
        appVersion: session.env.appVersion,
        dossiers: options.dossiers,
        keep: options.keep === true,
        progress: (text) => session.io.err(text),
      });
      session.print(`DossierDesk bench – ${new Date().toISOString()}\n\n${formatFigures(figures)}${options.keep ? `\n\narchive kept at ${dataDir}` : ''}`, { figures, dataDir: options.keep ? dataDir : null });
    }));
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 200) throw new InvalidArgumentError('a whole number ≥ 200');
  return n;
}
