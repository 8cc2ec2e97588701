import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { registerKinds, type RegisterKind } from '../../../shared/contract';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { cliError } from '../cli-error';
import type { Run } from '../program';

interface ExportOptions {
  kind: string;
  from: string;
  to: string;
  out: string;
  department?: string;
}

/** `register export`: a register for a period as PDF or .xlsx, by the output file's extension. */
export function registerRegisterCommands(program: Command, run: Run): void {
  const register = program.command('register').description('登记簿 / registers');
  register
    .command('export')
    .description('导出登记簿（按 --out 的扩展名为 PDF 或 .xlsx） / export a register as PDF or .xlsx (by --out’s extension)')
    .requiredOption('--kind <kind>', registerKinds.join('|'))
    .requiredOption('--from <date>', '起始日期 YYYY-MM-DD / first day')
    .requiredOption('--to <date>', '结束日期 YYYY-MM-DD / last day')
    .requiredOption('--out <file>', '写入此文件（.pdf 或 .xlsx，已有则替换） / write to this file (.pdf or .xlsx; replaced if it exists)')
    .option('--department <code>', '只含此部门的档案 / only this department’s dossiers')
    .action(run(async (session, options: ExportOptions) => {
      if (!(registerKinds as readonly string[]).includes(options.kind)) throw cliError('VALIDATION', `--kind 应为 ${registerKinds.join('|')}`, `--kind must be one of ${registerKinds.join(', ')}`);
      const extension = extname(options.out).toLowerCase();
      if (extension !== '.pdf' && extension !== '.xlsx') throw cliError('VALIDATION', '--out 应为 .pdf 或 .xlsx 文件', '--out must be a .pdf or .xlsx file');
      await session.signIn();
      const file = await session.call('register:export', {
        kind: options.kind as RegisterKind,
        from: options.from,
        to: options.to,
        format: extension === '.pdf' ? 'pdf' : 'xlsx',
        ...(options.department ? { department: options.department } : {}),
      });
      const out = resolve(options.out);
      writeFileAtomic(out, file.bytes);
      session.print(`已导出 / exported ${out}（${file.bytes.length} 字节 / bytes）`, { file: out, fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes.length });
    }));
}
