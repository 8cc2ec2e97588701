import { findDepartmentByCode } from '../../../../db/repositories/departments';
import { findIntake, listIntakes, openShortages } from '../../../../db/repositories/intakes';
import type { IntakeDetail, IntakePage, ParsedInputOf, ShortagePage } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { parseTimeBound } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { IntakeViews } from './intake-view';
import { invalidAt } from './invalid-at';

/**
 * The intake book, newest hand-over first. Every reader sees the entries on dossiers they may see
 * (clerks and auditors all of them), each showing only those dossiers.
 */
export function intakeBook(ctx: HandlerContext, input: ParsedInputOf<'intake:list'>): IntakePage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const visibility = visibilityOf(db, session);
  const department = input.fromDepartment ? findDepartmentByCode(db, input.fromDepartment) : undefined;
  if (department === null) throw invalidAt('fromDepartment', `没有代码为 ${input.fromDepartment ?? ''} 的部门`, `There is no department with code ${input.fromDepartment ?? ''}`);
  const { intakes, total } = listIntakes(
    db,
    {
      from: input.from ? parseTimeBound(input.from, false).toISOString() : undefined,
      to: input.to ? parseTimeBound(input.to, true).toISOString() : undefined,
      fromDepartmentId: department?.id,
      lateOnly: input.late,
      dossierId: input.archiveNumber ? requireVisibleDossier(db, session, input.archiveNumber).id : undefined,
    },
    visibility,
    input,
  );
  const views = new IntakeViews(db);
  return { intakes: intakes.map((record) => views.view(record)), total };
}

export function intakeEntry(ctx: HandlerContext, id: number): IntakeDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const record = findIntake(db, id, visibilityOf(db, session));
  if (!record) throw new AppError('NOT_FOUND', { zh: `没有编号为 ${id} 的签收登记`, en: `There is no intake no. ${id}` });
  return new IntakeViews(db).detail(record);
}

/** Shortages still open: of one dossier, or of every dossier the reader may see. */
export function intakeShortages(ctx: HandlerContext, input: ParsedInputOf<'intake:shortages'>): ShortagePage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const dossierId = input.archiveNumber ? requireVisibleDossier(db, session, input.archiveNumber).id : undefined;
  const { shortages, total } = openShortages(db, { dossierId, visibility: visibilityOf(db, session) }, input);
  return {
    total,
    shortages: shortages.map((s) => ({ archiveNumber: s.dossier.archiveNumber, dossierTitle: s.dossier.title, level: s.dossier.level, department: s.dossier.department, item: s.item, since: s.since, lastNoted: s.lastNoted })),
  };
}
