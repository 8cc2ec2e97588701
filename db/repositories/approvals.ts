import { and, desc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { RequestKind, RouteStep } from '../../shared/approval-routing';
import type { Outsider } from '../../shared/contract/approval';
import type { Db } from '../open';
import { approvalDecisions, approvalRequests, departments, documents, dossiers, notices, users } from '../schema';

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface NewRequest {
  dossierId: number;
  kind: RequestKind;
  requesterId: number | null;
  outsider: Outsider | null;
  registeredBy: number;
  purpose: string;
  reason: string | null;
  documentIds: number[] | null;
  copies: number | null;
  periodDays: number | null;
  route: RouteStep[];
  requestedAt: string;
}

export interface DecisionRecord {
  step: number;
  approver: { id: number; login: string; displayName: string };
  decision: 'approve' | 'reject';
  comment: string | null;
  decidedAt: string;
}

/** One entry of the approval register, as stored, with its decisions. */
export interface RequestRecord {
  id: number;
  dossier: { id: number; archiveNumber: string; title: string; level: number; departmentId: number };
  kind: RequestKind;
  requester: { id: number; login: string; displayName: string; department: { code: string; name: string } | null } | null;
  outsider: Outsider | null;
  registeredBy: { id: number; login: string; displayName: string };
  purpose: string;
  reason: string | null;
  documents: { id: number; title: string }[] | null;
  copies: number | null;
  periodDays: number | null;
  route: RouteStep[];
  requestedAt: string;
  status: RequestStatus;
  nextStep: number;
  decidedAt: string | null;
  validUntil: string | null;
  usedAt: string | null;
  decisions: DecisionRecord[];
}

export function insertRequest(db: Db, request: NewRequest): number {
  return db
    .insert(approvalRequests)
    .values({
      ...request,
      outsider: request.outsider ? JSON.stringify(request.outsider) : null,
      documents: request.documentIds ? JSON.stringify(request.documentIds) : null,
      route: JSON.stringify(request.route),
    })
    .returning({ id: approvalRequests.id })
    .get().id;
}

export function insertDecision(db: Db, decision: { requestId: number; step: number; approverId: number; decision: 'approve' | 'reject'; comment: string | null; decidedAt: string }): void {
  db.insert(approvalDecisions).values(decision).run();
}

/** The derived state after a decision or a withdrawal (the triggers allow nothing else to move). */
export function updateRequestState(db: Db, id: number, state: { status: RequestStatus; nextStep: number; decidedAt: string | null; validUntil: string | null }): void {
  db.update(approvalRequests).set(state).where(eq(approvalRequests.id, id)).run();
}

/** Uses an approval up if it is still approved, unused and valid at `at` (no end yet: waiting for its dossier); false when another program was first. */
export function markRequestUsed(db: Db, id: number, at: string): boolean {
  return (
    db
      .update(approvalRequests)
      .set({ usedAt: at })
      .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'approved'), isNull(approvalRequests.usedAt), or(isNull(approvalRequests.validUntil), gt(approvalRequests.validUntil, at))))
      .run().changes === 1
  );
}

/** Starts (an end) or pauses (null) the term of an approved, unused loan or consultation approval. */
export function setApprovalTerm(db: Db, id: number, validUntil: string | null): void {
  db.update(approvalRequests)
    .set({ validUntil })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'approved'), isNull(approvalRequests.usedAt), inArray(approvalRequests.kind, ['loan', 'consultation'])))
    .run();
}

/** A request of this kind by this person on this dossier still waiting for a decision, or null. */
export function pendingRequestOf(db: Db, dossierId: number, kind: RequestKind, requesterId: number): number | null {
  return (
    db
      .select({ id: approvalRequests.id })
      .from(approvalRequests)
      .where(and(eq(approvalRequests.dossierId, dossierId), eq(approvalRequests.kind, kind), eq(approvalRequests.status, 'pending'), eq(approvalRequests.requesterId, requesterId)))
      .limit(1)
      .get()?.id ?? null
  );
}

/**
 * Approvals that ran out unused by `now` and whose requester – for an outsider, the clerk who
 * registered it – has no notice keyed `request:<id><keySuffix>` yet.
 */
export function expiredApprovalsUnnoticed(db: Db, now: string, keySuffix: string): RequestRecord[] {
  return selectRequests(
    db,
    and(
      eq(approvalRequests.status, 'approved'),
      isNull(approvalRequests.usedAt),
      lte(approvalRequests.validUntil, now),
      sql`not exists (select 1 from ${notices} where ${notices.userId} = coalesce(${approvalRequests.requesterId}, ${approvalRequests.registeredBy}) and ${notices.key} = 'request:' || ${approvalRequests.id} || ${keySuffix})`,
    ),
  );
}

/**
 * The approved, unused requests of this kind by this person for this dossier, valid at `now`, the
 * one ending first first – each with the documents it was asked for (null: the whole dossier).
 */
export function findUsableApprovals(db: Db, dossierId: number, requesterId: number, kind: RequestKind, now: string): { id: number; documents: number[] | null }[] {
  return db
    .select({ id: approvalRequests.id, documents: approvalRequests.documents })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.dossierId, dossierId),
        eq(approvalRequests.requesterId, requesterId),
        eq(approvalRequests.kind, kind),
        eq(approvalRequests.status, 'approved'),
        isNull(approvalRequests.usedAt),
        gt(approvalRequests.validUntil, now),
      ),
    )
    .orderBy(approvalRequests.validUntil)
    .all()
    .map((row) => ({ id: row.id, documents: row.documents ? (JSON.parse(row.documents) as number[]) : null }));
}

export function findRequest(db: Db, id: number): RequestRecord | null {
  return selectRequests(db, eq(approvalRequests.id, id))[0] ?? null;
}

/** The loan and consultation requests not settled (waiting, or approved) on these dossiers, in one look. */
export function openLendingRequestsOf(db: Db, dossierIds: readonly number[]): RequestRecord[] {
  if (dossierIds.length === 0) return [];
  return selectRequests(db, and(inArray(approvalRequests.dossierId, [...dossierIds]), inArray(approvalRequests.kind, ['loan', 'consultation']), inArray(approvalRequests.status, ['pending', 'approved'])));
}

export function requestsOfDossier(db: Db, dossierId: number): RequestRecord[] {
  return selectRequests(db, eq(approvalRequests.dossierId, dossierId));
}

/** Every request still waiting for a decision; few at any time, whatever the register's size. */
export function pendingRequests(db: Db): RequestRecord[] {
  return selectRequests(db, eq(approvalRequests.status, 'pending'));
}

/** A user's own requests still under way – waiting, or approved and not yet used – newest first (the workbench). */
export function openRequestsOf(db: Db, userId: number, now: string, limit: number): { requests: RequestRecord[]; total: number } {
  // An approval without an end yet waits for its dossier (approval-terms.ts): still under way.
  const under = or(eq(approvalRequests.status, 'pending'), and(eq(approvalRequests.status, 'approved'), isNull(approvalRequests.usedAt), or(isNull(approvalRequests.validUntil), gt(approvalRequests.validUntil, now))));
  const where = and(eq(approvalRequests.requesterId, userId), inArray(approvalRequests.status, ['pending', 'approved']), under);
  const total = db.select({ n: sql<number>`count(*)` }).from(approvalRequests).where(where).get()?.n ?? 0;
  return { requests: selectRequests(db, where, { offset: 0, limit }), total };
}

/** Requests a user made or registered, newest first. */
export function requestsOfUser(db: Db, userId: number, page: { offset: number; limit: number }): { requests: RequestRecord[]; total: number } {
  const where = or(eq(approvalRequests.requesterId, userId), eq(approvalRequests.registeredBy, userId));
  const total = db.select({ n: sql<number>`count(*)` }).from(approvalRequests).where(where).get()?.n ?? 0;
  return { requests: selectRequests(db, where, page), total };
}

/** Requests asked within a period on dossiers the reader sees (optionally one department's), newest first. */
export function requestsInPeriod(
  db: Db,
  filter: { fromTime: string; toTime: string; maxLevel: number; departmentIds: readonly number[] | null; departmentId: number | null },
  page: { offset: number; limit: number },
): { requests: RequestRecord[]; total: number } {
  const where = and(
    gte(approvalRequests.requestedAt, filter.fromTime),
    lte(approvalRequests.requestedAt, filter.toTime),
    lte(dossiers.level, filter.maxLevel),
    filter.departmentIds ? inArray(dossiers.departmentId, filter.departmentIds.length > 0 ? [...filter.departmentIds] : [-1]) : undefined,
    filter.departmentId !== null ? eq(dossiers.departmentId, filter.departmentId) : undefined,
  );
  const total = db.select({ n: sql<number>`count(*)` }).from(approvalRequests).innerJoin(dossiers, eq(dossiers.id, approvalRequests.dossierId)).where(where).get()?.n ?? 0;
  return { requests: selectRequests(db, where, page), total };
}

const requesters = alias(users, 'requesters');
const registrars = alias(users, 'registrars');
const requesterDepartments = alias(departments, 'requester_departments');
const approvers = alias(users, 'approvers');

function selectRequests(db: Db, where: SQL | undefined, page?: { offset: number; limit: number }): RequestRecord[] {
  let query = db
    .select({
      id: approvalRequests.id,
      dossier: { id: dossiers.id, archiveNumber: dossiers.archiveNumber, title: dossiers.title, level: dossiers.level, departmentId: sql<number>`${dossiers.departmentId}` },
      kind: approvalRequests.kind,
      requesterId: requesters.id,
      requesterLogin: requesters.login,
      requesterName: requesters.displayName,
      requesterDepartmentCode: requesterDepartments.code,
      requesterDepartmentName: requesterDepartments.name,
      outsider: approvalRequests.outsider,
      registeredBy: { id: registrars.id, login: registrars.login, displayName: registrars.displayName },
      purpose: approvalRequests.purpose,
      reason: approvalRequests.reason,
      documents: approvalRequests.documents,
      copies: approvalRequests.copies,
      periodDays: approvalRequests.periodDays,
      route: approvalRequests.route,
      requestedAt: approvalRequests.requestedAt,
      status: approvalRequests.status,
      nextStep: approvalRequests.nextStep,
      decidedAt: approvalRequests.decidedAt,
      validUntil: approvalRequests.validUntil,
      usedAt: approvalRequests.usedAt,
    })
    .from(approvalRequests)
    .innerJoin(dossiers, eq(dossiers.id, approvalRequests.dossierId))
    .innerJoin(registrars, eq(registrars.id, approvalRequests.registeredBy))
    .leftJoin(requesters, eq(requesters.id, approvalRequests.requesterId))
    .leftJoin(requesterDepartments, eq(requesterDepartments.id, requesters.departmentId))
    .where(where)
    .orderBy(desc(approvalRequests.id))
    .$dynamic();
  if (page) query = query.limit(page.limit).offset(page.offset);
  const rows = query.all();
  const decisions = decisionsOf(db, rows.map((row) => row.id));
  const titles = documentTitles(db, rows.flatMap((row) => (row.documents ? (JSON.parse(row.documents) as number[]) : [])));
  return rows.map((row) => ({
    id: row.id,
    dossier: row.dossier,
    kind: row.kind,
    requester:
      row.requesterId === null || row.requesterLogin === null || row.requesterName === null
        ? null
        : {
            id: row.requesterId,
            login: row.requesterLogin,
            displayName: row.requesterName,
            department: row.requesterDepartmentCode === null || row.requesterDepartmentName === null ? null : { code: row.requesterDepartmentCode, name: row.requesterDepartmentName },
          },
    outsider: row.outsider ? (JSON.parse(row.outsider) as Outsider) : null,
    registeredBy: row.registeredBy,
    purpose: row.purpose,
    reason: row.reason,
    documents: row.documents ? (JSON.parse(row.documents) as number[]).map((id) => ({ id, title: titles.get(id) ?? '' })) : null,
    copies: row.copies,
    periodDays: row.periodDays,
    route: JSON.parse(row.route) as RouteStep[],
    requestedAt: row.requestedAt,
    status: row.status,
    nextStep: row.nextStep,
    decidedAt: row.decidedAt,
    validUntil: row.validUntil,
    usedAt: row.usedAt,
    decisions: decisions.get(row.id) ?? [],
  }));
}

function decisionsOf(db: Db, requestIds: number[]): Map<number, DecisionRecord[]> {
  const byRequest = new Map<number, DecisionRecord[]>();
  if (requestIds.length === 0) return byRequest;
  const rows = db
    .select({
      requestId: approvalDecisions.requestId,
      step: approvalDecisions.step,
      approver: { id: approvers.id, login: approvers.login, displayName: approvers.displayName },
      decision: approvalDecisions.decision,
      comment: approvalDecisions.comment,
      decidedAt: approvalDecisions.decidedAt,
    })
    .from(approvalDecisions)
    .innerJoin(approvers, eq(approvers.id, approvalDecisions.approverId))
    .where(inArray(approvalDecisions.requestId, requestIds))
    .orderBy(approvalDecisions.requestId, approvalDecisions.step)
    .all();
  for (const { requestId, ...decision } of rows) {
    const list = byRequest.get(requestId) ?? [];
    list.push(decision);
    byRequest.set(requestId, list);
  }
  return byRequest;
}

function documentTitles(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: documents.id, title: documents.title }).from(documents).where(inArray(documents.id, [...new Set(ids)])).all().map((row) => [row.id, row.title]));
}
