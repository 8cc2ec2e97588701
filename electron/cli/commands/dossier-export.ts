import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import type { Run } from '../program';

/** `dossier export`: the dossier's record as PDF, under the export rule (classified: an approval, used up). */
export function registerDossierExportCommand(dossier: Command, run: Run): void {
  dossier
    .command('export <archive-number>')
    .description('导出一份档案为 PDF（涉密档案须先获导出审批） / export a dossier as PDF (classified: approval first)')
    .requiredOption('--out <file>', '写入此文件（已有则替换） / write to this file (replaced if it exists)')
    .action(run(async (session, archiveNumber: string, options: { out: string }) => {
      await session.signIn();
      const file = await session.call('dossier:export', { archiveNumber });
      const out = resolve(options.out);
      writeFileAtomic(out, file.bytes);
      session.print(`已导出 / exported ${out}（${file.bytes.length} 字节 / bytes）`, { file: out, fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes.length });
    }));
}
