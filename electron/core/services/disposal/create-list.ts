import { dossiersAwaitingList, dueDossiers, insertDestructionList, livePageCounts, type NewListItem } from '../../../../db/repositories/disposal';
import { findVisibleDossier, takeNextSequence } from '../../../../db/repositories/dossiers';
import { DISPOSAL_BATCH_MAX, type DestructionListView, type ParsedInputOf } from '../../../../shared/contract';
import { destructionListNumber, destructionMethodLabels } from '../../../../shared/disposal';
import { AppError } from '../../../../shared/errors';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { requireNotHeld } from '../holds/hold-guard';
import { listState } from './list-access';
import { listView } from './list-view';
import { dueQueryOf } from './retention-due';

/**
 * A destruction list (销毁清册) of dossiers the committee decided to destroy and that stand on no
 * other list: numbered XH-yyyy-nnn, each dossier as it is now (number, title, retention, period,
 * pages, the committee's reason), going to the archive head and the general manager in turn.
 */
export function createDestructionList(ctx: HandlerContext, input: ParsedInputOf<'disposal:create'>): DestructionListView {
  const session = ctx.session();
  const { db } = session.archive.database;
  const visibility = visibilityOf(db, session);
  const records = [...new Set(input.archiveNumbers)].map((number) => {
    const record = findVisibleDossier(db, number, visibility);
    if (!record) throw new AppError('NOT_FOUND', { zh: `没有档号为 ${number} 的档案`, en: `There is no dossier ${number}` });
    return record;
  });
  const ids = records.map((r) => r.id);
  const awaiting = new Map(dossiersAwaitingList(db, visibility, DISPOSAL_BATCH_MAX, ids).map((row) => [row.dossierId, row]));
  const unready = records.find((record) => !awaiting.has(record.id));
  if (unready) {
    throw new AppError('CONFLICT', { zh: `档案 ${unready.archiveNumber} 未经鉴定为销毁，或已列入其他销毁清册`, en: `Dossier ${unready.archiveNumber} was not appraised for destruction, or is on another destruction list` });
  }
  requireNotHeld(db, records);
  const now = ctx.env.now();
  const today = formatLocalDate(now);
  const due = new Map(dueDossiers(db, { ...dueQueryOf(db, today, visibility), only: ids }, null, DISPOSAL_BATCH_MAX).map((row) => [row.id, row]));
  const pages = livePageCounts(db, ids);
  const items = records.map((record): NewListItem => {
    const period = due.get(record.id);
    // Kept longer since, or its type's retention changed: no longer due.
    if (period === undefined) throw new AppError('CONFLICT', { zh: `档案 ${record.archiveNumber} 未到保管期限`, en: `Dossier ${record.archiveNumber} is not due` });
    const appraisal = awaiting.get(record.id);
    return { dossierId: record.id, appraisalId: appraisal?.appraisalId ?? 0, archiveNumber: record.archiveNumber, title: record.title, retention: record.retention ?? '', periodFrom: period.triggerOn, dueOn: period.dueOn, pages: pages.get(record.id) ?? 0, reason: appraisal?.reason ?? '' };
  });
  const year = Number(today.slice(0, 4));
  const { id } = ctx.write(
    (db) => {
      const number = destructionListNumber(year, takeNextSequence(db, `XH-${year}`));
      return { id: insertDestructionList(db, { number, method: input.method, route: session.settings.disposalApprovers, createdBy: session.record.id, createdAt: now.toISOString() }, items), number };
    },
    (list) => ({ action: 'disposal:create', target: { type: 'destruction-list', id: list.id, label: list.number }, summary: { method: destructionMethodLabels[input.method].zh, dossiers: items.length, archiveNumbers: items.map((i) => i.archiveNumber).slice(0, 50).join('、') } }),
  );
  return listView(db, session, listState(db, id));
}
