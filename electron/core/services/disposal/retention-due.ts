import { dueCountsByYear, dueDossiers, latestAppraisals, type DueQuery, type TriggerColumn } from '../../../../db/repositories/disposal';
import { holdsInForce } from '../../../../db/repositories/legal-hold-register';
import type { Db } from '../../../../db/open';
import { DUE_LIST_MAX, type AppraisalView, type DueDossierView, type RetentionDueView } from '../../../../shared/contract';
import type { AppraisalRecord } from '../../../../db/repositories/disposal';
import { retentionFromOf, type Retention } from '../../../../shared/dossier-types';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { currentTypes } from '../types/type-catalog';

/**
 * What the due query needs from the types, as they are now: each type's trigger (a changed
 * trigger applies to every dossier of the type), and the property types whose dossiers are
 * permanent company archives and never listed, whatever retention someone set (RT-03).
 */
export function dueQueryOf(db: Db, until: string, visibility: DueQuery['visibility']): DueQuery {
  const triggers = new Map<number, TriggerColumn>();
  const neverListed: number[] = [];
  for (const type of currentTypes(db)) {
    if (type.definition.subjectKind === 'property') neverListed.push(type.id);
    const from = retentionFromOf(type.definition);
    if (from.kind !== 'opened') triggers.set(type.id, from);
  }
  return { until, triggers, neverListed, visibility };
}

export function toAppraisalView(record: AppraisalRecord): AppraisalView {
  return {
    decision: record.decision,
    reason: record.reason,
    committee: record.committee,
    retentionBefore: JSON.parse(record.retentionBefore) as Retention,
    retentionAfter: record.retentionAfter === null ? null : (JSON.parse(record.retentionAfter) as Retention),
    transferTo: record.transferTo,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt,
  };
}

/** The dossiers due for appraisal by `until` (default today), the reader's visible ones, per year. */
export function retentionDue(ctx: HandlerContext, input: { until?: string | undefined; year?: string | undefined }): RetentionDueView {
  const session = ctx.session();
  const { db } = session.archive.database;
  const until = input.until ?? formatLocalDate(ctx.env.now());
  const query = dueQueryOf(db, until, visibilityOf(db, session));
  const year = input.year ?? null;
  const rows = dueDossiers(db, query, year, DUE_LIST_MAX);
  const ids = rows.map((row) => row.id);
  const appraisals = latestAppraisals(db, ids);
  const held = new Set(holdsInForce(db, ids).map((hold) => hold.dossierId));
  const dossiers = rows.map((row): DueDossierView => {
    const appraisal = appraisals.get(row.id);
    return {
      archiveNumber: row.archiveNumber,
      title: row.title,
      level: row.level,
      status: row.status,
      retention: JSON.parse(row.retention) as Retention,
      triggerOn: row.triggerOn,
      dueOn: row.dueOn,
      appraisal: appraisal ? toAppraisalView(appraisal) : null,
      held: held.has(row.id),
    };
  });
  return { until, years: dueCountsByYear(db, query), year, dossiers };
}
