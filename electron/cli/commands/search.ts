import type { Command } from 'commander';
import { DOSSIER_PAGE_MAX, type DossierSummary } from '../../../shared/contract';
import { cliError } from '../cli-error';
import type { Run } from '../program';
import { requireCliType } from '../field-options';
import { parsePositive } from '../number-option';

export interface SearchHit {
  archiveNumber: string;
  title: string;
  type: string | null;
  department: string;
  remark: string | null;
  /** Where the query was found, e.g. 联系电话 138…; a long value around the match, … where cut; a sensitive value stays masked (null). */
  matchedIn: string | null;
  matched: string | null;
}

const hit = (d: DossierSummary): SearchHit => ({
  archiveNumber: d.archiveNumber,
  title: d.title,
  type: d.type?.key ?? null,
  department: d.department.code,
  remark: d.remark,
  matchedIn: d.match?.label ?? null,
  matched: d.match?.value === undefined || d.match.value === null ? null : `${d.match.cutBefore ? '…' : ''}${d.match.value}${d.match.cutAfter ? '…' : ''}`,
});

export function registerSearchCommand(program: Command, run: Run): void {
  program
    .command('search <query>')
    .description('检索档案：档号、题名、客户、电话、证件号、车牌、VIN、地址、卷内文件题名；支持拼音及首字母 / search dossiers (also pinyin and initials)')
    .option('--type <type>', '只查此类型 / only this dossier type')
    .option('--limit <n>', `最多几条（默认 20，最多 ${DOSSIER_PAGE_MAX}） / at most n hits (default 20)`, parsePositive)
    .action(run(async (session, query: string, options: { type?: string; limit?: number }) => {
      if (query.trim() === '') throw cliError('VALIDATION', '请输入检索内容', 'Give something to search for');
      await session.signIn();
      const type = options.type ? await requireCliType(session, options.type) : null;
      const page = await session.call('dossier:list', {
        query,
        ...(type ? { filters: { typeKeys: [type.key] } } : {}),
        limit: Math.min(options.limit ?? 20, DOSSIER_PAGE_MAX),
      });
      const hits = page.items.map(hit);
      const more = page.nextCursor ? `\n（还有更多结果，共${page.totalCapped ? '超过 ' : ' '}${page.total ?? '?'} 条；用 --limit 列出更多 / more hits; use --limit）` : '';
      await session.show(hits, (shown) =>
        shown.length === 0 ? '（无结果 / no hits）' : shown.map((h) => [h.archiveNumber, h.title, h.matchedIn ? `${h.matchedIn}：${h.matched ?? '***'}` : '', h.remark ?? ''].join('\t').trimEnd()).join('\n') + more,
      );
    }));
}
