import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../open';
import { visibleThroughRegister, type Visibility } from './dossiers';
import { approvalRequests, departments, dossiers, loanReturnCorrections, loanReturns, loans, users } from '../schema';

export interface StoredSignature {
  name: string;
  image?: string | undefined;
}

export interface StoredFinding {
  documentId: number;
  issue: 'missing' | 'pages-missing' | 'damaged';
  pagesBack?: number | undefined;
  note?: string | undefined;
}

export interface LoanReturnCorrection {
  id: number;
  at: string;
  by: { id: number; login: string; displayName: string };
  findings: StoredFinding[];
  reason: string;
}

export interface LoanRecord {
  id: number;
  requestId: number;
  purpose: string;
  outsider: string | null;
  kind: 'loan' | 'consultation';
  dossier: { id: number; archiveNumber: string; title: string; level: number; departmentId: number };
  borrower: { id: number; login: string; displayName: string; departmentId: number | null; department: { code: string; name: string } | null } | null;
  handedOutBy: { id: number; login: string; displayName: string };
  handedOutAt: string;
  dueOn: string;
  documents: { id: number; title: string; pages: number }[];
  borrowerSignature: StoredSignature;
  note: string | null;
  /** The loan this one takes over (renewal, passing on), if any. */
  continues: LoanContinuation | null;
  returned: {
    at: string;
    receivedBy: { id: number; login: string; displayName: string };
    /** As the return recorded them. */
    findings: StoredFinding[];
    returnerSignature: StoredSignature;
    note: string | null;
    /** Corrections of the findings, oldest first; the last one is what counts. */
    corrections: LoanReturnCorrection[];
    /** The loan that took this one over when it was closed (renewal, passing on), if any. */
    continuedBy: LoanContinuation | null;
  } | null;
}

export interface LoanContinuation {
  loanId: number;
  how: 'renewal' | 'pass-on';
}

export function insertLoan(
  db: Db,
  loan: { requestId: number; dossierId: number; kind: 'loan' | 'consultation'; borrowerId: number | null; handedOutBy: number; handedOutAt: string; dueOn: string; documents: LoanRecord['documents']; borrowerSignature: StoredSignature; note: string | null; continues: LoanContinuation | null },
): number {
  const { continues, ...values } = loan;
  return db
    .insert(loans)
    .values({ ...values, documents: JSON.stringify(loan.documents), borrowerSignature: JSON.stringify(loan.borrowerSignature), continues: continues?.loanId ?? null, continuation: continues?.how ?? null })
    .returning({ id: loans.id })
    .get().id;
}

export function insertReturn(db: Db, entry: { loanId: number; receivedBy: number; returnedAt: string; findings: StoredFinding[]; returnerSignature: StoredSignature; note: string | null }): void {
  db.insert(loanReturns)
    .values({ ...entry, findings: JSON.stringify(entry.findings), returnerSignature: JSON.stringify(entry.returnerSignature) })
    .run();
}

export interface LoanFilter {
  state: 'open' | 'overdue' | 'returned' | 'all';
  kind?: 'loan' | 'consultation' | undefined;
  dossierId?: number | undefined;
  borrowerId?: number | undefined;
  /** ISO bounds of the hand-out time. */
  from?: string | undefined;
  to?: string | undefined;
  /** Only loans due back on this day (YYYY-MM-DD). */
  dueOn?: string | undefined;
  /** Only entries on this department's dossiers. */
  departmentId?: number | undefined;
  /** Only entries on dossiers the reader sees (the whole register); absent with `borrowerId` (one's own loans). */
  visibility?: Visibility | undefined;
  /** Today (YYYY-MM-DD): a loan still out after its due day is overdue. */
  today: string;
}

function conditions(filter: LoanFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    filter.kind ? eq(loans.kind, filter.kind) : undefined,
    filter.dossierId !== undefined ? eq(loans.dossierId, filter.dossierId) : undefined,
    filter.departmentId !== undefined ? eq(dossiers.departmentId, filter.departmentId) : undefined,
    filter.dueOn !== undefined ? eq(loans.dueOn, filter.dueOn) : undefined,
    filter.borrowerId !== undefined ? eq(loans.borrowerId, filter.borrowerId) : undefined,
    filter.from ? gte(loans.handedOutAt, filter.from) : undefined,
    filter.to ? lte(loans.handedOutAt, filter.to) : undefined,
    // A loan still out has its dossier out (dossiers.status is indexed): the few dossiers out lead the query, not years of loans.
    filter.state === 'open' ? and(eq(dossiers.status, 'on-loan'), isNull(loanReturns.id)) : undefined,
    filter.state === 'overdue' ? and(eq(dossiers.status, 'on-loan'), isNull(loanReturns.id), lt(loans.dueOn, filter.today)) : undefined,
    filter.state === 'returned' ? isNotNull(loanReturns.id) : undefined,
    filter.visibility ? visibleThroughRegister(filter.visibility) : undefined,
  ];
  return and(...parts.filter((part): part is SQL => part !== undefined));
}

export function listLoans(db: Db, filter: LoanFilter, page: { offset: number; limit: number }): { loans: LoanRecord[]; total: number } {
  const where = conditions(filter);
  const total = db.select({ n: sql<number>`count(*)` }).from(loans).innerJoin(dossiers, eq(dossiers.id, loans.dossierId)).leftJoin(loanReturns, eq(loanReturns.loanId, loans.id)).where(where).get()?.n ?? 0;
  return { loans: selectLoans(db, where, page), total };
}

export function findLoan(db: Db, id: number): LoanRecord | null {
  return selectLoans(db, eq(loans.id, id))[0] ?? null;
}

/** The loans out now of these dossiers (at most one each), in one look. */
export function openLoansOfDossiers(db: Db, dossierIds: readonly number[]): LoanRecord[] {
  if (dossierIds.length === 0) return [];
  return selectLoans(db, and(inArray(loans.dossierId, [...dossierIds]), isNull(loanReturns.id)));
}

export function openLoanOfDossier(db: Db, dossierId: number): LoanRecord | null {
  return selectLoans(db, and(eq(loans.dossierId, dossierId), isNull(loanReturns.id)))[0] ?? null;
}

export function loanOfRequest(db: Db, requestId: number): number | null {
  return db.select({ id: loans.id }).from(loans).where(eq(loans.requestId, requestId)).get()?.id ?? null;
}

/** Loans a user holds past their due day. */
export function overdueLoansOf(db: Db, borrowerId: number, today: string): LoanRecord[] {
  return selectLoans(db, and(eq(loans.borrowerId, borrowerId), isNull(loanReturns.id), lt(loans.dueOn, today)));
}

const borrowers = alias(users, 'borrowers');
const clerks = alias(users, 'clerks');
const receivers = alias(users, 'receivers');
const successors = alias(loans, 'successors');
const borrowerDepartments = alias(departments, 'borrower_departments');

function selectLoans(db: Db, where: SQL | undefined, page?: { offset: number; limit: number }): LoanRecord[] {
  let query = db
    .select({
      id: loans.id,
      requestId: loans.requestId,
      purpose: approvalRequests.purpose,
      outsider: approvalRequests.outsider,
      kind: loans.kind,
      dossier: { id: dossiers.id, archiveNumber: dossiers.archiveNumber, title: dossiers.title, level: dossiers.level, departmentId: sql<number>`${dossiers.departmentId}` },
      borrowerId: borrowers.id,
      borrowerLogin: borrowers.login,
      borrowerName: borrowers.displayName,
      borrowerDepartmentId: borrowers.departmentId,
      borrowerDepartmentCode: borrowerDepartments.code,
      borrowerDepartmentName: borrowerDepartments.name,
      handedOutBy: { id: clerks.id, login: clerks.login, displayName: clerks.displayName },
      handedOutAt: loans.handedOutAt,
      dueOn: loans.dueOn,
      documents: loans.documents,
      borrowerSignature: loans.borrowerSignature,
      note: loans.note,
      continues: loans.continues,
      continuation: loans.continuation,
      successorId: successors.id,
      successorHow: successors.continuation,
      returnId: loanReturns.id,
      returnedAt: loanReturns.returnedAt,
      findings: loanReturns.findings,
      returnerSignature: loanReturns.returnerSignature,
      returnNote: loanReturns.note,
      receiverId: receivers.id,
      receiverLogin: receivers.login,
      receiverName: receivers.displayName,
    })
    .from(loans)
    .innerJoin(approvalRequests, eq(approvalRequests.id, loans.requestId))
    .innerJoin(dossiers, eq(dossiers.id, loans.dossierId))
    .innerJoin(clerks, eq(clerks.id, loans.handedOutBy))
    .leftJoin(borrowers, eq(borrowers.id, loans.borrowerId))
    .leftJoin(borrowerDepartments, eq(borrowerDepartments.id, borrowers.departmentId))
    .leftJoin(loanReturns, eq(loanReturns.loanId, loans.id))
    .leftJoin(receivers, eq(receivers.id, loanReturns.receivedBy))
    .leftJoin(successors, eq(successors.continues, loans.id))
    .where(where)
    .orderBy(desc(loans.handedOutAt), desc(loans.id))
    .$dynamic();
  if (page) query = query.limit(page.limit).offset(page.offset);
  const rows = query.all();
  const corrections = correctionsOf(db, rows.filter((row) => row.returnId !== null).map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    requestId: row.requestId,
    purpose: row.purpose,
    outsider: row.outsider,
    kind: row.kind,
    dossier: row.dossier,
    borrower:
      row.borrowerId === null || row.borrowerLogin === null || row.borrowerName === null
        ? null
        : {
            id: row.borrowerId,
            login: row.borrowerLogin,
            displayName: row.borrowerName,
            departmentId: row.borrowerDepartmentId,
            department: row.borrowerDepartmentCode === null || row.borrowerDepartmentName === null ? null : { code: row.borrowerDepartmentCode, name: row.borrowerDepartmentName },
          },
    handedOutBy: row.handedOutBy,
    handedOutAt: row.handedOutAt,
    dueOn: row.dueOn,
    documents: JSON.parse(row.documents) as LoanRecord['documents'],
    borrowerSignature: JSON.parse(row.borrowerSignature) as StoredSignature,
    note: row.note,
    continues: row.continues !== null && row.continuation !== null ? { loanId: row.continues, how: row.continuation } : null,
    returned:
      row.returnId === null || row.returnedAt === null || row.receiverId === null || row.receiverLogin === null || row.receiverName === null
        ? null
        : {
            at: row.returnedAt,
            receivedBy: { id: row.receiverId, login: row.receiverLogin, displayName: row.receiverName },
            findings: JSON.parse(row.findings ?? '[]') as StoredFinding[],
            returnerSignature: JSON.parse(row.returnerSignature ?? '{"name":""}') as StoredSignature,
            note: row.returnNote,
            corrections: corrections.get(row.id) ?? [],
            continuedBy: row.successorId !== null && row.successorHow !== null ? { loanId: row.successorId, how: row.successorHow } : null,
          },
  }));
}

export function insertReturnCorrection(db: Db, correction: { loanId: number; correctedBy: number; correctedAt: string; findings: StoredFinding[]; reason: string }): void {
  db.insert(loanReturnCorrections).values({ ...correction, findings: JSON.stringify(correction.findings) }).run();
}

const correctors = alias(users, 'correctors');

function correctionsOf(db: Db, loanIds: number[]): Map<number, LoanReturnCorrection[]> {
  const byLoan = new Map<number, LoanReturnCorrection[]>();
  if (loanIds.length === 0) return byLoan;
  const rows = db
    .select({
      id: loanReturnCorrections.id,
      loanId: loanReturnCorrections.loanId,
      at: loanReturnCorrections.correctedAt,
      by: { id: correctors.id, login: correctors.login, displayName: correctors.displayName },
      findings: loanReturnCorrections.findings,
      reason: loanReturnCorrections.reason,
    })
    .from(loanReturnCorrections)
    .innerJoin(correctors, eq(correctors.id, loanReturnCorrections.correctedBy))
    .where(inArray(loanReturnCorrections.loanId, loanIds))
    .orderBy(loanReturnCorrections.id)
    .all();
  for (const { loanId, findings, ...rest } of rows) {
    const list = byLoan.get(loanId) ?? [];
    list.push({ ...rest, findings: JSON.parse(findings) as StoredFinding[] });
    byLoan.set(loanId, list);
  }
  return byLoan;
}
