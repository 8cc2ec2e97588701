import type { RequestRecord } from '../../../../db/repositories/approvals';
import { listDepartments } from '../../../../db/repositories/departments';
import type { Db } from '../../../../db/open';
import type { ApprovalRequestView } from '../../../../shared/contract';
import { can } from '../../../../shared/permissions';
import type { ActiveSession } from '../../session';
import { queuePlaces } from '../loans/queue-place';
import { mayDecideStep, type Excluded } from './approvers';
import { stateOf } from './request-state';

/** Whether the session's user may decide the step now open. */
export function mayDecideNow(db: Db, session: ActiveSession, request: RequestRecord): boolean {
  const step = request.route[request.nextStep];
  if (request.status !== 'pending' || !step) return false;
  return mayDecideStep(db, session.record, step, request.dossier, excludedOf(request), session.settings.threeRoleSeparation);
}

export function excludedOf(request: RequestRecord): Excluded {
  return { requesterId: request.requester?.id ?? null, registeredBy: request.registeredBy.id, deciders: request.decisions.map((d) => d.approver.id) };
}

/** An outsider's ID and letter numbers are personal data: read by the clerk who registered them, the approvers and those who may reveal such fields. */
function mayReadPapers(session: ActiveSession, record: RequestRecord): boolean {
  const me = session.record.id;
  return record.registeredBy.id === me || record.decisions.some((d) => d.approver.id === me) || mayDecideNow(session.archive.database.db, session, record) || can(session.record.roles, 'field.reveal', session.settings.threeRoleSeparation);
}

function maskPaper(value: string): string {
  return value.length <= 4 ? '****' : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}

export function toApprovalViews(db: Db, session: ActiveSession, records: RequestRecord[], now: Date): ApprovalRequestView[] {
  if (records.length === 0) return [];
  const departments = new Map(listDepartments(db).map((d) => [d.id, { code: d.code, name: d.name }]));
  const person = (p: { login: string; displayName: string }) => ({ login: p.login, displayName: p.displayName });
  const places = queuePlaces(db, records, now);
  return records.map((record) => ({
    id: record.id,
    archiveNumber: record.dossier.archiveNumber,
    dossierTitle: record.dossier.title,
    level: record.dossier.level,
    kind: record.kind,
    requester: record.requester ? { ...person(record.requester), department: record.requester.department } : null,
    outsider: record.outsider && !mayReadPapers(session, record) ? { ...record.outsider, idNumber: maskPaper(record.outsider.idNumber), ...(record.outsider.letterNumber ? { letterNumber: maskPaper(record.outsider.letterNumber) } : {}) } : record.outsider,
    registeredBy: person(record.registeredBy),
    purpose: record.purpose,
    reason: record.reason,
    documents: record.documents,
    copies: record.copies,
    periodDays: record.periodDays,
    route: record.route.map((step, index) => {
      const decision = record.decisions.find((d) => d.step === index);
      return {
        ...step,
        department: step.departmentId === null ? null : (departments.get(step.departmentId) ?? null),
        decision: decision ? { approver: person(decision.approver), decision: decision.decision, comment: decision.comment, decidedAt: decision.decidedAt } : null,
      };
    }),
    requestedAt: record.requestedAt,
    state: stateOf(record, now),
    decidedAt: record.decidedAt,
    validUntil: record.validUntil,
    usedAt: record.usedAt,
    mayDecide: mayDecideNow(db, session, record),
    queue: places.get(record.id) ?? null,
  }));
}
