import type { Command } from 'commander';
import { resolve } from 'node:path';
import { catalogueFormats, type CatalogueFormat } from '../../../shared/contract';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { cliError } from '../cli-error';
import { listSelection, withListOptions, type ListOptions } from '../list-options';
import type { Run } from '../program';

interface ExportListOptions extends ListOptions {
  format: string;
  out: string;
}

/** `dossier export-list`: the dossier list as an Excel sheet or a printed catalogue (案卷目录). */
export function registerExportListCommand(dossier: Command, run: Run): void {
  withListOptions(
    dossier
      .command('export-list')
      .description('把档案列表（检索、筛选、排序同 list）导出为 Excel 表或可打印的案卷目录 PDF / export the dossier list (search, filters, order as in list) as an Excel sheet or a printable catalogue PDF')
      .requiredOption('--format <format>', `格式：${catalogueFormats.join('、')} / format`)
      .requiredOption('--out <file>', '写入此文件（已有则替换） / write to this file (replaced if it exists)'),
  ).action(run(async (session, options: ExportListOptions) => {
    const format = catalogueFormats.find((f): f is CatalogueFormat => f === options.format);
    if (!format) throw cliError('VALIDATION', `格式应为 ${catalogueFormats.join('、')} 之一`, `The format is one of ${catalogueFormats.join(', ')}`);
    await session.signIn();
    const file = await session.call('dossier:export-list', { ...(await listSelection(session, options)), format });
    const out = resolve(options.out);
    writeFileAtomic(out, file.bytes);
    session.print(`已导出 / exported ${out}（${file.bytes.length} 字节 / bytes）`, { file: out, fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes.length });
  }));
}
