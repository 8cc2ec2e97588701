import { findHold, holdsInForce, holdsOfDossier, insertHold, insertHoldLift, listHolds, type HoldEntry } from '../../../../db/repositories/legal-hold-register';
import { visibleDossierIds } from '../../../../db/repositories/dossiers';
import type { HoldView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { requireVisibleDossier } from '../dossiers/dossier-access';

const toView = ({ dossierId: _dossierId, ...view }: HoldEntry): HoldView => view;

export function holdsOf(ctx: HandlerContext, archiveNumber: string): HoldView[] {
  const session = ctx.session();
  const { db } = session.archive.database;
  return holdsOfDossier(db, requireVisibleDossier(db, session, archiveNumber).id).map(toView);
}

export function listHoldViews(ctx: HandlerContext, inForceOnly: boolean): HoldView[] {
  const session = ctx.session();
  const { db } = session.archive.database;
  return listHolds(db, visibilityOf(db, session), inForceOnly).map(toView);
}

/** A hold on a dossier the reader sees; any other does not exist for them. */
function requireVisibleHold(ctx: HandlerContext, id: number): HoldEntry {
  const session = ctx.session();
  const { db } = session.archive.database;
  const hold = findHold(db, id);
  if (!hold || !visibleDossierIds(db, [hold.dossierId], visibilityOf(db, session)).has(hold.dossierId)) {
    throw new AppError('NOT_FOUND', { zh: `没有编号为 ${id} 的诉讼保全`, en: `There is no legal hold no. ${id}` });
  }
  return hold;
}

/** Places a hold; the same case twice in force on one dossier is refused, a second case adds a second hold. */
export function placeHold(ctx: HandlerContext, input: { archiveNumber: string; reason: string; caseNumber: string | null }): HoldView {
  const session = ctx.session();
  const id = ctx.write(
    (db) => {
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      if (dossier.status === 'destroyed') throw new AppError('CONFLICT', { zh: `档案 ${dossier.archiveNumber} 已销毁，不能再保全`, en: `Dossier ${dossier.archiveNumber} has been destroyed and cannot be held` });
      if (input.caseNumber !== null && holdsInForce(db, [dossier.id]).some((hold) => hold.caseNumber === input.caseNumber)) {
        throw new AppError('CONFLICT', { zh: `档案 ${dossier.archiveNumber} 已因案号 ${input.caseNumber} 处于保全中`, en: `Dossier ${dossier.archiveNumber} is already held for case ${input.caseNumber}` });
      }
      return { id: insertHold(db, { dossierId: dossier.id, reason: input.reason, caseNumber: input.caseNumber, placedBy: session.record.id, placedAt: ctx.env.now().toISOString() }), dossier };
    },
    ({ id: holdId, dossier }) => ({ action: 'hold:place', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { hold: holdId, reason: input.reason, caseNumber: input.caseNumber } }),
  ).id;
  return toView(requireVisibleHold(ctx, id));
}

/** Lifts a hold in force; a lifted hold stays in the register with its lift. */
export function liftHold(ctx: HandlerContext, input: { holdId: number; reason: string }): HoldView {
  const session = ctx.session();
  const hold = requireVisibleHold(ctx, input.holdId);
  ctx.write(
    (db) => {
      if (findHold(db, hold.id)?.lift) throw new AppError('CONFLICT', { zh: `第 ${hold.id} 号诉讼保全已经解除`, en: `Legal hold no. ${hold.id} has been lifted already` });
      insertHoldLift(db, { holdId: hold.id, reason: input.reason, liftedBy: session.record.id, liftedAt: ctx.env.now().toISOString() });
    },
    { action: 'hold:lift', target: { type: 'dossier', id: hold.dossierId, label: hold.archiveNumber }, summary: { hold: hold.id, reason: input.reason, caseNumber: hold.caseNumber } },
  );
  return toView(requireVisibleHold(ctx, hold.id));
}
