import { createHash } from 'node:crypto';
import { countDossiers } from '../../../../db/repositories/dossiers';
import type { CheckScope, FourCheckReport, FourCheckResult } from '../../../../shared/contract';
import { checkItemKeys } from '../../../../shared/four-check';
import { fileStamp, formatLocalDateTime } from '../../../../shared/time';
import { scanKeys, wipeScanKeys } from '../../attachments/file-store';
import type { HandlerContext } from '../../context';
import { exportedBy } from '../exports/watermark';
import { checkAuditTrail, checkDatabaseEncrypted } from './archive-checks';
import { planCheck } from './check-plan';
import { startProgress, type ProgressHandle } from './check-progress';
import { checkReportPdf } from './check-report-pdf';
import { authoriseCheck, resolveScope, type ResolvedScope } from './check-scope';
import type { CheckTally } from './check-tally';
import { checkDataFolder, checkFiles, fileTallies } from './file-checks';

interface Checked {
  report: FourCheckReport;
  pdf: Uint8Array;
}

type Work = (ended: () => boolean) => Promise<Checked>;

/**
 * The part of a check that reads the database, run in the queue (a batch of dossiers at a time,
 * giving the thread back between batches); it returns the part that reads and draws the files
 * (and prints the report), which needs no database and may run outside it.
 */
async function prepareCheck(ctx: HandlerContext, scope: ResolvedScope, progress: ProgressHandle): Promise<Work> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { paths } = ctx.env;
  const startedAt = ctx.env.now();
  const rules = { today: formatLocalDateTime(startedAt).slice(0, 10), levels: session.settings.levels, threeRoleSeparation: session.settings.threeRoleSeparation };
  const plan = await planCheck(db, scope.dossierIds, rules, progress.step);
  progress.grow(plan.files.length + plan.pages);
  const records: CheckTally[] = [checkAuditTrail(db), checkDatabaseEncrypted(paths.database), ...Object.values(plan.tallies)];
  const keys = scanKeys(session.archive.dataKey);
  const checkedBy = exportedBy(session);
  const company = session.settings.companyName;
  return async (ended) => {
    const files = fileTallies();
    try {
      await checkFiles(paths.scans, keys, plan.files, files, () => progress.step(), ended);
    } finally {
      wipeScanKeys(keys);
    }
    if (scope.dossierIds === null) await checkDataFolder(paths.dataDir, paths.scans, files.sealed, paths.database);
    const byKey = new Map([...records, ...Object.values(files)].map((tally) => [tally.key, tally.result()]));
    const items = checkItemKeys.map((key) => byKey.get(key)).filter((item) => item !== undefined);
    const finishedAt = ctx.env.now();
    const report: FourCheckReport = {
      ok: items.every((item) => item.ok),
      scope: scope.label,
      dossiers: plan.dossiers,
      files: plan.files.length,
      pages: plan.pages,
      startedAt: formatLocalDateTime(startedAt),
      finishedAt: formatLocalDateTime(finishedAt),
      checkedBy,
      items,
    };
    return { report, pdf: await checkReportPdf(report, { company, printed: `打印：${checkedBy}，${formatLocalDateTime(finishedAt)}` }) };
  };
}

/** Kept as an audit event: the verdict, what failed, and the printed report's SHA-256. */
function recordCheck(ctx: HandlerContext, { report, pdf }: Checked): FourCheckResult {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  ctx.write(() => undefined, {
    action: 'check:run',
    target: { type: 'archive', id: report.scope.kind, label: report.scope.label },
    summary: { scope: report.scope.label, ok: report.ok, failedChecks: report.items.filter((i) => !i.ok).map((i) => i.key), dossiers: report.dossiers, files: report.files, pages: report.pages, sha256 },
  });
  return { report, sha256, file: { fileName: `四性检测报告-${fileStamp(ctx.env.now())}.pdf`, mimeType: 'application/pdf', bytes: pdf } };
}

/** `check:run`: the records checked in the queue, the files read and drawn outside it, the report recorded when done. */
export async function runCheck(ctx: HandlerContext, input: { scope: CheckScope }): Promise<FourCheckResult> {
  const role = authoriseCheck(ctx, input.scope);
  const scope = resolveScope(ctx, input.scope, role);
  const { dataDir } = ctx.env.paths;
  const progress = startProgress(dataDir, scope.dossierIds?.length ?? countDossiers(ctx.session().archive.database.db));
  let work: Work;
  try {
    work = await prepareCheck(ctx, scope, progress);
  } catch (error) {
    progress.end();
    throw error;
  }
  return ctx.outsideQueue(
    async (ended) => {
      try {
        return await work(ended);
      } finally {
        progress.end();
      }
    },
    (done, checked) => recordCheck(done, checked),
  );
}
