import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CheckScope, FourCheckResult } from '../../../shared/contract';
import { aspectLabels, documentWords } from '../../../shared/four-check';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { cliError } from '../cli-error';
import { EXIT } from '../exit-codes';
import type { Run } from '../program';

function scopeOf(options: { dossier: string[]; all?: boolean }): CheckScope {
  if (options.all && options.dossier.length > 0) throw cliError('VALIDATION', '--all 与 --dossier 只能选一个', 'Give --all or --dossier, not both');
  if (options.all) return { kind: 'archive' };
  const [only, ...more] = options.dossier;
  if (!only) throw cliError('VALIDATION', '请用 --dossier <档号>（可多次）或 --all 指定检测范围', 'Name what to check: --dossier <archive-number> (repeatable) or --all');
  return more.length > 0 ? { kind: 'dossiers', archiveNumbers: options.dossier } : { kind: 'dossier', archiveNumber: only };
}

function formatCheck({ report, sha256 }: FourCheckResult, written: string | null): string {
  const lines = [`四性检测 / four-property check: ${report.scope.label} / ${report.scope.labelEn}（${report.dossiers} 份档案 / dossiers, ${report.files} 个文件 / files, ${report.pages} 页 / pages）`];
  for (const item of report.items) {
    lines.push(`${item.ok ? '✓' : '✗'} ${aspectLabels[item.aspect].zh} ${item.key}: ${item.summary} / ${item.summaryEn}`);
    for (const finding of item.findings) {
      const where = [finding.archiveNumber, documentWords(finding.document, 'zh')].filter(Boolean).join(' ');
      lines.push(`    ${where ? `${where}：` : ''}${finding.message} / ${finding.messageEn}`);
    }
    if (item.failures > item.findings.length) lines.push(`    … 另有 ${item.failures - item.findings.length} 处 / ${item.failures - item.findings.length} more`);
  }
  lines.push(report.ok ? '结论：全部通过 / result: all passed' : '结论：不通过 / result: FAILED');
  if (written) lines.push(`报告已写入 / report written: ${written}（SHA-256 ${sha256}）`);
  return lines.join('\n');
}

export function registerCheckCommand(program: Command, run: Run): void {
  program
    .command('check')
    .description('四性检测（DA/T 70：真实性、完整性、可用性、安全性）；全部通过时退出码为 0 / the four-property check (DA/T 70: authenticity, integrity, usability, security); exit 0 only when all pass')
    .option('--dossier <archive-number>', '检测这份档案，可多次指定 / check this dossier; repeatable', (value: string, all: string[]) => [...all, value], [])
    .option('--all', '检测全部档案 / check the whole archive')
    .option('--out <file>', '把检测报告写成 PDF / write the report as PDF')
    .action(run(async (session, options: { dossier: string[]; all?: boolean; out?: string }) => {
      const scope = scopeOf(options);
      if (options.out && !options.out.toLowerCase().endsWith('.pdf')) throw cliError('VALIDATION', '--out 应为 .pdf 文件', '--out is a .pdf file');
      await session.signIn();
      const result = await session.call('check:run', { scope });
      const path = options.out ? resolve(options.out) : null;
      if (path) writeFileAtomic(path, result.file.bytes);
      const { file: _file, ...shown } = result;
      session.print(formatCheck(result, path), { ...shown, ...(path ? { out: path } : {}) });
      return result.report.ok ? EXIT.ok : EXIT.failure;
    }));
}
