import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { importEncodings, type ImportCheck, type ImportEncoding } from '../../../shared/contract';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import { EXIT } from '../exit-codes';
import { requireCliType } from '../field-options';
import { displayed } from '../io';
import { mappingFromOption } from '../mapping-option';
import { stageFileFromPath } from '../stage-file';
import type { Run } from '../program';

interface ImportOptions {
  type: string;
  mapping?: string;
  dryRun?: boolean;
  encoding?: string;
  department?: string;
  report?: string;
  skipBadRows?: boolean;
}

export function registerImportCommand(program: Command, run: Run): void {
  program
    .command('import <file>')
    .description('从 CSV（UTF-8/GBK）或 .xlsx 导入档案：先检查每一行，全部通过才在一个事务中导入 / import dossiers from CSV or .xlsx: every row is checked, then all are imported or none')
    .requiredOption('--type <type>', '档案类型（见 type list） / dossier type (see type list)')
    .option('--mapping <json>', '列对应：JSON 或 JSON 文件，如 {"姓名":"customerName"}；与字段键名或中文名相同的表头自动对应 / column mapping as JSON or a JSON file; headers equal to a field key or label map by themselves')
    .option('--dry-run', '只检查，不导入 / check only, import nothing')
    .option('--encoding <encoding>', `CSV 编码：${importEncodings.join('、')}（默认自动识别） / CSV encoding (detected by default)`)
    .option('--department <code>', '所属部门代码（默认：本人部门；“所属部门”列可逐行指定） / department code (default: your own; a 所属部门 column names one per row)')
    .option('--skip-bad-rows', '导入无问题的行，列出其余行的问题（默认：全部通过才导入） / import the good rows and list the problems of the others (default: all or nothing)')
    .option('--report <file.csv>', '把全部问题逐行写入此 CSV 文件 / write every problem, row by row, to this CSV file')
    .action(run(async (session, file: string, options: ImportOptions) => {
      const encoding = encodingFromOption(options.encoding);
      await session.signIn();
      const type = await requireCliType(session, options.type);
      const staged = await stageFileFromPath(session, file, 'import');
      const preview = await session.call('import:open', { stagedFileId: staged.stagedFileId, ...(encoding ? { encoding } : {}) });
      const plan = {
        importId: preview.importId,
        typeKey: type.key,
        mapping: mappingFromOption(options.mapping, type),
        ...(encoding ? { encoding } : {}),
        ...(options.department ? { departmentCode: options.department } : {}),
        skipBadRows: options.skipBadRows === true,
      };
      const check = await session.call('import:check', plan);
      // The staged copy is what was checked and what is imported; the audit trail names it by this digest.
      const digest = `文件 SHA-256 / file SHA-256: ${staged.sha256}`;
      if (options.report && check.problemCount > 0) {
        const report = await session.call('import:report', plan);
        writeFileSync(options.report, report.bytes);
      }
      if (check.badRows > 0 && (!options.skipBadRows || check.badRows === check.rowCount)) return refuse(session, check, options.report);
      if (options.dryRun) {
        const good = check.rowCount - check.badRows;
        if (check.badRows === 0) session.print(`检查通过：${check.rowCount} 行可导入为“${type.name}”（未写入） / check passed: ${check.rowCount} rows can be imported (nothing written)\n${digest}`, { dryRun: true, ...check, sha256: staged.sha256 });
        else {
          session.io.err(problemLines(check, options.report).join('\n'));
          session.print(`检查完成：${good} 行可导入为“${type.name}”，${check.badRows} 行将跳过（未写入） / checked: ${good} rows can be imported, ${check.badRows} would be left out (nothing written)\n${digest}`, { dryRun: true, ...check, sha256: staged.sha256 });
        }
        return EXIT.ok;
      }
      const result = await withProgress(session, preview.importId, () => session.call('import:run', plan));
      const range = result.firstNumber ? `：${result.firstNumber} … ${result.lastNumber ?? ''}` : '';
      const customers = `；客户：新建 ${result.customers.created}、归入已有 ${result.customers.linked} / customers: ${result.customers.created} new, ${result.customers.linked} already on file`;
      if (result.skipped > 0) session.io.err(problemLines({ ...check, problems: result.problems, problemCount: result.problemCount }, options.report).join('\n'));
      const skipped = result.skipped > 0 ? `，跳过 ${result.skipped} 行 / ${result.skipped} rows left out` : '';
      session.print(`已导入 ${result.imported} 份“${type.name}”${range}${skipped}${customers} / imported ${result.imported} dossiers\n${digest}`, { ...result, sha256: staged.sha256 });
      return EXIT.ok;
    }));
}

function encodingFromOption(value: string | undefined): ImportEncoding | undefined {
  if (value === undefined) return undefined;
  const wanted = value.toLowerCase().replace(/^(utf8)$/, 'utf-8').replace(/^(gbk|gb2312)$/, 'gb18030');
  const encoding = importEncodings.find((e) => e === wanted);
  if (!encoding) throw cliError('VALIDATION', `编码应为 ${importEncodings.join('、')}（GBK 按 GB18030 读取）`, `The encoding is one of ${importEncodings.join(', ')} (GBK is read as GB18030)`);
  return encoding;
}

/**
 * Each problem on its own line, and how many more the report holds. A problem quotes the file's
 * own text (a header, a cell), so it is shown as all stored text is (displayed): escaped, on one line.
 */
function problemLines(check: Pick<ImportCheck, 'problems' | 'problemCount'>, reportPath: string | undefined): string[] {
  const lines = displayed(check.problems).map((p) => `第 ${p.row} 行${p.column ? `（${p.column}）` : ''}：${p.message} / row ${p.row}${p.column ? ` (${p.column})` : ''}: ${p.messageEn}`);
  if (check.problemCount > check.problems.length) {
    const rest = check.problemCount - check.problems.length;
    lines.push(reportPath ? `另有 ${rest} 个问题，见 ${reportPath} / ${rest} more in the report` : `另有 ${rest} 个问题，用 --report 导出全部 / ${rest} more; use --report for all`);
  }
  return lines;
}

/** Bad rows: each problem on its own line, nothing imported, exit 2 like any validation failure. */
function refuse(session: CliSession, check: ImportCheck, reportPath: string | undefined): number {
  const lines = problemLines(check, reportPath);
  if (session.json) session.io.out(JSON.stringify({ ok: false, ...check }, null, 2));
  else session.io.err(lines.join('\n'));
  session.io.err(`错误 / error VALIDATION: ${check.badRows} 行有问题，未导入任何数据 / ${check.badRows} rows have problems; nothing was imported`);
  return EXIT.usage;
}

/** A long import reports its phase on stderr (scripts read stdout). */
async function withProgress<T>(session: CliSession, importId: string, work: () => Promise<T>): Promise<T> {
  if (session.json) return work();
  let shown = '';
  const timer = setInterval(() => {
    void session.call('import:progress', { importId }).then((p) => {
      const line = `${phaseLabel[p.phase]} ${p.done}/${p.total}`;
      if (p.total > 0 && line !== shown) session.io.err((shown = line));
    }, () => undefined);
  }, 2000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

const phaseLabel = {
  reading: '读取 / reading',
  checking: '检查 / checking',
  writing: '写入 / writing',
  indexing: '建立索引 / indexing',
  done: '完成 / done',
  failed: '失败 / failed',
  cancelled: '已取消 / cancelled',
} as const;
