import { findDepartmentByCode } from '../../../../db/repositories/departments';
import { findDossierById, findVisibleDossier, type DossierRecord } from '../../../../db/repositories/dossiers';
import { dossiersOfIntake, findIntake, insertIntake, intakeState, type NewIntakeLine } from '../../../../db/repositories/intakes';
import { findUserByLogin } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import type { IntakeDetail, ParsedInputOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { can } from '../../../../shared/permissions';
import { normalizeLogin } from '../../../../shared/schemas';
import { formatLocalDate, parseTimeBound } from '../../../../shared/time';
import type { HandlerContext, WriteEffects } from '../../context';
import { joinedContext } from '../../joined-write';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { workingCalendar } from '../calendar/working-days';
import { createDossier } from '../dossiers/create-dossier';
import { definitionAt } from '../types/type-catalog';
import { recordedItems } from './checklist-items';
import { deadlineOf } from './intake-deadline';
import { IntakeViews } from './intake-view';
import { invalidAt } from './invalid-at';
import { refreshOpenShortages } from './open-shortages';
import { toActor } from '../users/user-dto';

export type IntakeInput = ParsedInputOf<'intake:add'>;

/** A hand-over may be registered after the fact, not ahead of it (a clock a few minutes off is no reason to refuse). */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Registers a hand-over in the intake book (签收簿, IN-01): from which department and person, to
 * which clerk, the dossiers – existing ones, or opened on the spot through dossier:create – each
 * checked against its type's deadline (late by so many working days) and its checklist (per item
 * present or missing), a note of shortages, and both parties' signatures. The entry, any dossier
 * opened for it, and the dossiers' open shortages are written in one transaction, or nothing is.
 */
export function addIntake(ctx: HandlerContext, input: IntakeInput): IntakeDetail {
  const session = ctx.session();
  const now = ctx.env.now();
  if (input.dossiers.some((entry) => entry.open) && !can(session.record.roles, 'dossier.create', session.settings.threeRoleSeparation)) {
    ctx.deny({ zh: '您无权新建档案，不能当场建档', en: 'You may not create dossiers, so none can be opened at the hand-over' });
  }
  return ctx.write(
    (db, effects) => {
      const handedOverAt = input.handedOverAt ? parseTimeBound(input.handedOverAt, false) : now;
      if (handedOverAt.getTime() > now.getTime() + CLOCK_SLACK_MS) throw invalidAt('handedOverAt', '移交时间不能晚于现在', 'The hand-over cannot be later than now');
      const department = findDepartmentByCode(db, input.fromDepartment);
      if (!department) throw invalidAt('fromDepartment', `没有代码为 ${input.fromDepartment} 的部门`, `There is no department with code ${input.fromDepartment}`);
      const handedByUser = input.handedBy.login ? findUserByLogin(db, normalizeLogin(input.handedBy.login)) : null;
      if (input.handedBy.login && !handedByUser) throw invalidAt('handedBy.login', `没有登录名为 ${input.handedBy.login} 的用户`, `There is no user ${input.handedBy.login}`);
      if (input.corrects !== undefined) requireCorrectable(db, session, input.corrects);

      const lines = intakeLines(ctx, db, effects, input, { handedOn: formatLocalDate(handedOverAt), departmentCode: department.code });
      const id = insertIntake(
        db,
        {
          handedOverAt: handedOverAt.toISOString(),
          fromDepartmentId: department.id,
          handedByName: input.handedBy.name,
          handedByUserId: handedByUser?.id ?? null,
          receivedBy: session.record.id,
          shortageNote: input.shortageNote || null,
          handedBySignature: input.handedBySignature,
          receiverSignature: input.receiverSignature,
          correctsId: input.corrects ?? null,
          recordedAt: now.toISOString(),
        },
        lines.map((l) => l.line),
      );
      const touched = new Set([...lines.map((l) => l.line.dossierId), ...(input.corrects === undefined ? [] : dossiersOfIntake(db, input.corrects))]);
      for (const dossierId of touched) refreshOpenShortages(db, dossierId);
      // Each dossier's own history shows the hand-over.
      for (const { line, dossier } of lines) {
        ctx.auditWithin(db, { action: 'intake:receive', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { intakeId: id, department: department.code, ...lineSummary(line) } }, toActor(session.record));
      }
      const record = findIntake(db, id, visibilityOf(db, session));
      if (!record) throw new AppError('INTERNAL');
      return new IntakeViews(db).detail(record);
    },
    (intake) => ({
      action: 'intake:add',
      target: { type: 'intake', id: intake.id },
      summary: {
        department: intake.fromDepartment.code,
        handedBy: intake.handedBy.name,
        // Counts only: the dossiers are named in their own events (intake:receive), which the trail hides from readers who may not see them.
        dossiers: intake.dossiers.length,
        workdaysLate: intake.workdaysLate,
        missing: intake.missingCount,
        signedBy: [intake.handedBySignature.name, intake.receiverSignature.name],
        ...(intake.corrects === null ? {} : { corrects: intake.corrects }),
      },
    }),
  );
}

function lineSummary(line: NewIntakeLine): Record<string, unknown> {
  return {
    ...(line.deadline === null ? {} : { deadline: line.deadline, workdaysLate: line.workdaysLate }),
    missingItems: line.items.filter((item) => item.status === 'missing').map((item) => item.name),
    ...(line.openedHere ? { openedHere: true } : {}),
  };
}

/** Each dossier of the hand-over with what its line records; dossiers to open are opened first. */
function intakeLines(ctx: HandlerContext, db: Db, effects: WriteEffects, input: IntakeInput, at: { handedOn: string; departmentCode: string }): { line: NewIntakeLine; dossier: DossierRecord }[] {
  const session = ctx.session();
  const deadlines = session.settings.intakeDeadlines;
  const calendar = workingCalendar(db);
  const seen = new Set<number>();
  return input.dossiers.map((entry, index) => {
    const path = `dossiers.${index}`;
    const dossier = entry.open ? openOnTheSpot(ctx, db, effects, entry.open, at.departmentCode, `${path}.open`) : requireListed(db, session, entry.archiveNumber ?? '', path);
    if (seen.has(dossier.id)) throw invalidAt(`${path}.archiveNumber`, `档案 ${dossier.archiveNumber} 在本次签收中重复`, `Dossier ${dossier.archiveNumber} is listed twice`);
    seen.add(dossier.id);
    if (dossier.status === 'destroyed') throw new AppError('CONFLICT', { zh: `档案 ${dossier.archiveNumber} 已销毁，不能签收`, en: `Dossier ${dossier.archiveNumber} has been destroyed` });
    const definition = dossier.type ? definitionAt(db, dossier.type.id, dossier.type.version) : null;
    const items = recordedItems(definition?.checklist ?? [], entry, path, dossier.archiveNumber);
    const deadline = deadlineOf({
      rule: dossier.type ? deadlines[dossier.type.key] : undefined,
      definition,
      fields: JSON.parse(dossier.fields) as Record<string, unknown>,
      given: entry.triggerDate,
      handedOn: at.handedOn,
      calendar,
      path,
      archiveNumber: dossier.archiveNumber,
    });
    return { dossier, line: { dossierId: dossier.id, openedHere: entry.open !== undefined, items, ...deadline } };
  });
}

function requireListed(db: Db, session: ActiveSession, archiveNumber: string, path: string): DossierRecord {
  const dossier = findVisibleDossier(db, archiveNumber, visibilityOf(db, session));
  if (!dossier) throw invalidAt(`${path}.archiveNumber`, `没有档号为 ${archiveNumber} 的档案`, `There is no dossier ${archiveNumber}`);
  return dossier;
}

/** A dossier opened at the hand-over: the normal dossier:create, filed under the handing department unless another is named. */
function openOnTheSpot(ctx: HandlerContext, db: Db, effects: WriteEffects, open: NonNullable<IntakeInput['dossiers'][number]['open']>, departmentCode: string, path: string): DossierRecord {
  let created: { id: number };
  try {
    created = createDossier(joinedContext(ctx, db, effects), { ...open, departmentCode: open.departmentCode ?? departmentCode });
  } catch (error) {
    throw error instanceof AppError && error.code === 'VALIDATION' ? within(error, path) : error;
  }
  const dossier = findDossierById(db, created.id);
  if (!dossier) throw new AppError('INTERNAL');
  return dossier;
}

/** The refusal of a dossier to open, its fields named where they sit in the intake's input. */
function within(error: AppError, path: string): AppError {
  const issues = error.issues?.length ? error.issues.map((issue) => ({ ...issue, path: issue.path ? `${path}.${issue.path}` : path })) : [{ path, message: error.messageZh, messageEn: error.messageEn }];
  return new AppError('VALIDATION', { zh: error.messageZh, en: error.messageEn }, { issues, cause: error });
}

function requireCorrectable(db: Db, session: ActiveSession, id: number): void {
  const state = intakeState(db, id);
  if (!state.exists || !findIntake(db, id, visibilityOf(db, session))) throw invalidAt('corrects', `没有编号为 ${id} 的签收登记`, `There is no intake no. ${id}`);
  if (state.correctedById !== null) throw new AppError('CONFLICT', { zh: `签收登记 ${id} 已由第 ${state.correctedById} 号更正`, en: `Intake ${id} was already corrected by no. ${state.correctedById}` });
}
