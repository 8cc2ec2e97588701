import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { cliError } from '../cli-error';
import type { Run } from '../program';

function documentIdsOf(values: string[]): number[] {
  return values.map((value) => {
    const id = Number(value);
    if (!Number.isInteger(id) || id < 1) throw cliError('VALIDATION', `卷内文件编号应为正整数：“${value}”`, `A document number is a positive whole number: "${value}"`);
    return id;
  });
}

/** `dossier export`: the dossier as one PDF – cover, record with catalogue, scans – under the export rule (classified: an approval, used up). */
export function registerDossierExportCommand(dossier: Command, run: Run): void {
  dossier
    .command('export <archive-number>')
    .description('导出一份档案为 PDF：封面、档案信息与卷内目录、扫描件（涉密档案须先获导出审批） / export a dossier as one PDF: cover, record with catalogue, scans (classified: approval first)')
    .requiredOption('--out <file>', '写入此文件（已有则替换） / write to this file (replaced if it exists)')
    .option('--document <id...>', '只导出这些卷内文件的扫描件（编号见 attachments list） / only these documents’ scans (numbers from attachments list)')
    .option('--no-scans', '不含扫描件 / without the scans')
    .action(run(async (session, archiveNumber: string, options: { out: string; document?: string[]; scans: boolean }) => {
      const documentIds = options.document ? documentIdsOf(options.document) : undefined;
      await session.signIn();
      const file = await session.call('dossier:export', { archiveNumber, scans: options.scans, ...(documentIds ? { documentIds } : {}) });
      const out = resolve(options.out);
      writeFileAtomic(out, file.bytes);
      session.print(`已导出 / exported ${out}（${file.bytes.length} 字节 / bytes）`, { file: out, fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes.length });
    }));
}
