import { InvalidArgumentError, type Command } from 'commander';
import { DOSSIER_PAGE_MAX, type DossierSummary } from '../../../shared/contract';
import type { CliSession } from '../cli-session';
import { levelFromOption } from '../level-option';
import type { Run } from '../program';

export function registerDossierCommands(program: Command, run: Run): void {
  const dossier = program.command('dossier').description('档案 / dossiers');

  dossier
    .command('create')
    .description('新建档案，输出档号 / create a dossier and print its archive number')
    .requiredOption('--title <text>', '案卷题名 / title')
    .option('--level <level>', '密级：名称、字母等级或级别（默认：内部） / level: name, letter grade or rank (default: 内部)')
    .option('--department <code>', '所属部门代码（默认：本人部门） / department code (default: your own)')
    .action(run(async (session, options: { title: string; level?: string; department?: string }) => {
      await session.signIn();
      const created = await session.call('dossier:create', {
        title: options.title,
        ...(options.level ? { level: await levelFromOption(session, options.level) } : {}),
        ...(options.department ? { departmentCode: options.department } : {}),
      });
      session.print(created.archiveNumber, created);
    }));

  dossier
    .command('list')
    .description('列出档案（最新在前） / list dossiers, newest first')
    .option('--query <q>', '题名或档号中的文字 / text in the title or archive number')
    .option('--limit <n>', '最多列出几条 / list at most n', parsePositive)
    .action(run(async (session, options: { query?: string; limit?: number }) => {
      await session.signIn();
      const items = await allDossiers(session, options.query, options.limit ?? Number.POSITIVE_INFINITY);
      session.print(items.length === 0 ? '（无档案 / no dossiers）' : items.map((d) => [d.archiveNumber, d.title, d.department.code, d.createdAt, d.remark ?? ''].join('\t').trimEnd()).join('\n'), items);
    }));
}

async function allDossiers(session: CliSession, query: string | undefined, limit: number): Promise<DossierSummary[]> {
  const items: DossierSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await session.call('dossier:list', {
      ...(query ? { query } : {}),
      ...(cursor ? { cursor } : {}),
      limit: Math.min(DOSSIER_PAGE_MAX, limit - items.length),
    });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < limit);
  return items;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`not a positive whole number: ${value}`);
  return n;
}
