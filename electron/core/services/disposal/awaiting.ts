import { dossiersAwaitingList, dueDossiers } from '../../../../db/repositories/disposal';
import { findDossiersByIds } from '../../../../db/repositories/dossiers';
import { DISPOSAL_BATCH_MAX, type AwaitingListView } from '../../../../shared/contract';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { dueQueryOf } from './retention-due';

/** Dossiers the committee decided to destroy that stand on no list yet: what a new list is made of. */
export function awaitingList(ctx: HandlerContext): AwaitingListView[] {
  const session = ctx.session();
  const { db } = session.archive.database;
  const visibility = visibilityOf(db, session);
  const rows = dossiersAwaitingList(db, visibility, DISPOSAL_BATCH_MAX);
  const ids = rows.map((row) => row.dossierId);
  const records = new Map(findDossiersByIds(db, ids).map((record) => [record.id, record]));
  const due = new Map(dueDossiers(db, { ...dueQueryOf(db, formatLocalDate(ctx.env.now()), visibility), only: ids }, null, DISPOSAL_BATCH_MAX).map((row) => [row.id, row.dueOn]));
  return rows.flatMap((row) => {
    const record = records.get(row.dossierId);
    return record ? [{ archiveNumber: record.archiveNumber, title: record.title, dueOn: due.get(row.dossierId) ?? null, reason: row.reason, decidedAt: row.decidedAt }] : [];
  });
}
