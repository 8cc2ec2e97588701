import { sql } from 'drizzle-orm';
import type { Db } from '../open';
import { countingIntake, firstHandOver } from './intake-counting';
import type { StoredItem } from './intakes';
import type { StoredFinding } from './loans';

/**
 * What the violation ledger reads from the registers: the entries a rule may find a violation in,
 * each query one pass over an index range. Entries corrected by a later one do not count.
 */

/** The dossier a violation is about, with what its rules and its readers need. */
export interface ViolationDossier {
  id: number;
  archiveNumber: string;
  title: string;
  level: number;
  departmentId: number | null;
  typeKey: string | null;
}

/** Who a violation is charged to: a user when known, else the name as signed. */
export interface ViolationPersonRow {
  name: string;
  userId: number | null;
  login: string | null;
  /** The handing department (intakes), the borrower's department (loans). */
  departmentId: number | null;
}

export interface IntakeLineSource {
  intakeId: number;
  handedOverAt: string;
  person: ViolationPersonRow;
  dossier: ViolationDossier;
  deadline: string | null;
  workdaysLate: number | null;
  items: StoredItem[];
}

interface IntakeLineRow {
  intakeId: number;
  handedOverAt: string;
  departmentId: number;
  handedByName: string;
  userId: number | null;
  login: string | null;
  dossierId: number;
  archiveNumber: string;
  title: string;
  level: number;
  dossierDepartmentId: number | null;
  typeKey: string | null;
  deadline: string | null;
  workdaysLate: number | null;
  items: string;
}

const intakeLineColumns = sql`
  i.id AS intakeId, i.handed_over_at AS handedOverAt, i.from_department_id AS departmentId, i.handed_by_name AS handedByName,
  u.id AS userId, u.login AS login, d.id AS dossierId, d.archive_number AS archiveNumber, d.title AS title, d.level AS level,
  d.department_id AS dossierDepartmentId, t.key AS typeKey, l.deadline AS deadline, l.workdays_late AS workdaysLate, l.items AS items`;
/** From the intake entries of a period (their index range) to their dossier lines. */
const periodLines = sql`FROM intakes i INDEXED BY intakes_kpi_idx CROSS JOIN intake_dossiers l ON l.intake_id = i.id`;
const lineDetails = sql`
  JOIN dossiers d ON d.id = l.dossier_id
  LEFT JOIN dossier_types t ON t.id = d.type_id
  LEFT JOIN users u ON u.id = i.handed_by_user_id`;

function toLine(row: IntakeLineRow): IntakeLineSource {
  return {
    intakeId: row.intakeId,
    handedOverAt: row.handedOverAt,
    person: { name: row.handedByName, userId: row.userId, login: row.login, departmentId: row.departmentId },
    dossier: { id: row.dossierId, archiveNumber: row.archiveNumber, title: row.title, level: row.level, departmentId: row.dossierDepartmentId, typeKey: row.typeKey },
    deadline: row.deadline,
    workdaysLate: row.workdaysLate,
    items: JSON.parse(row.items) as StoredItem[],
  };
}

/** Dossiers handed over for the first time in [from, to), after their deadline. */
export function lateIntakeLines(db: Db, period: { from: string; to: string }): IntakeLineSource[] {
  return db
    .all<IntakeLineRow>(
      sql`SELECT ${intakeLineColumns} ${periodLines} ${lineDetails}
          WHERE i.handed_over_at >= ${period.from} AND i.handed_over_at < ${period.to} AND l.workdays_late > 0 AND ${countingIntake} AND ${firstHandOver}
          ORDER BY i.handed_over_at, i.id, l.id`,
    )
    .map(toLine);
}

/**
 * The hand-over history, up to `to`, of every dossier whose shortages may concern [from, to):
 * those with items missing at a hand-over in the period; and, when shortages repeat, those with
 * one still open now and those handed over again since `closedFrom` after an earlier shortage
 * (a shortage put right lately was open in the period). In hand-over order per dossier.
 */
export function shortageHistories(db: Db, period: { from: string; to: string; closedFrom: string }, repeating: boolean): IntakeLineSource[] {
  const inPeriod = sql`
    SELECT l.dossier_id ${periodLines}
    WHERE i.handed_over_at >= ${period.from} AND i.handed_over_at < ${period.to} AND l.missing_count > 0 AND ${countingIntake}`;
  const open = sql`
    UNION SELECT s.dossier_id FROM open_shortages s JOIN intakes i ON i.id = s.since_intake_id WHERE i.handed_over_at < ${period.to}
    UNION SELECT l.dossier_id ${periodLines}
    WHERE i.handed_over_at >= ${period.closedFrom} AND i.handed_over_at < ${period.to}
      AND EXISTS (SELECT 1 FROM intake_dossiers e INDEXED BY intake_dossiers_history_idx WHERE e.dossier_id = l.dossier_id AND e.intake_id < l.intake_id AND e.missing_count > 0)`;
  return db
    .all<IntakeLineRow>(
      sql`SELECT ${intakeLineColumns}
          FROM intake_dossiers l INDEXED BY intake_dossiers_history_idx JOIN intakes i ON i.id = l.intake_id ${lineDetails}
          WHERE l.dossier_id IN (${inPeriod} ${repeating ? open : sql``}) AND i.handed_over_at < ${period.to} AND ${countingIntake}
          ORDER BY l.dossier_id, i.handed_over_at, i.id`,
    )
    .map(toLine);
}

export interface LoanSource {
  loanId: number;
  handedOutAt: string;
  dueOn: string;
  person: ViolationPersonRow;
  dossier: ViolationDossier;
  documents: { id: number; title: string; pages: number }[];
  returnedAt: string | null;
  findings: StoredFinding[];
}

interface LoanRow {
  loanId: number;
  handedOutAt: string;
  dueOn: string;
  userId: number | null;
  login: string | null;
  displayName: string | null;
  borrowerDepartmentId: number | null;
  outsider: string | null;
  dossierId: number;
  archiveNumber: string;
  title: string;
  level: number;
  dossierDepartmentId: number | null;
  typeKey: string | null;
  documents: string;
  returnedAt: string | null;
  findings: string | null;
}

/** A return's findings as they count: the latest correction's (loan_return_corrections), else as recorded. */
const effectiveFindings = sql`coalesce((SELECT c.findings FROM loan_return_corrections c WHERE c.loan_id = r.loan_id ORDER BY c.id DESC LIMIT 1), r.findings)`;

const loanColumns = sql`
  l.id AS loanId, l.handed_out_at AS handedOutAt, l.due_on AS dueOn, b.id AS userId, b.login AS login, b.display_name AS displayName,
  b.department_id AS borrowerDepartmentId, q.outsider AS outsider, d.id AS dossierId, d.archive_number AS archiveNumber, d.title AS title,
  d.level AS level, d.department_id AS dossierDepartmentId, t.key AS typeKey, l.documents AS documents, r.returned_at AS returnedAt, ${effectiveFindings} AS findings`;
const loanDetails = sql`
  JOIN approval_requests q ON q.id = l.request_id
  JOIN dossiers d ON d.id = l.dossier_id
  LEFT JOIN dossier_types t ON t.id = d.type_id
  LEFT JOIN users b ON b.id = l.borrower_id`;

function toLoan(row: LoanRow): LoanSource {
  const outsider = row.outsider ? (JSON.parse(row.outsider) as { name?: string; organisation?: string }) : null;
  const name = row.displayName ?? (outsider ? `${outsider.name ?? ''}（${outsider.organisation ?? ''}）` : '');
  return {
    loanId: row.loanId,
    handedOutAt: row.handedOutAt,
    dueOn: row.dueOn,
    person: { name, userId: row.userId, login: row.login, departmentId: row.borrowerDepartmentId },
    dossier: { id: row.dossierId, archiveNumber: row.archiveNumber, title: row.title, level: row.level, departmentId: row.dossierDepartmentId, typeKey: row.typeKey },
    documents: JSON.parse(row.documents) as LoanSource['documents'],
    returnedAt: row.returnedAt,
    findings: JSON.parse(row.findings ?? '[]') as StoredFinding[],
  };
}

/** Returns in [from, to) that found a document missing. */
export function returnsWithLostDocuments(db: Db, period: { from: string; to: string }): LoanSource[] {
  return db
    .all<LoanRow>(
      sql`SELECT ${loanColumns} FROM loan_returns r INDEXED BY loan_returns_returned_idx CROSS JOIN loans l ON l.id = r.loan_id ${loanDetails}
          WHERE r.returned_at >= ${period.from} AND r.returned_at < ${period.to} AND ${effectiveFindings} LIKE '%"issue":"missing"%'
          ORDER BY r.returned_at, l.id`,
    )
    .map((row) => toLoan(row))
    .filter((loan) => loan.findings.some((finding) => finding.issue === 'missing'));
}

/**
 * Loans overdue at some time that may concern a period ending before `lastDay`: due before its
 * last day, and not back by the end of their due day nor before `closedFrom`.
 */
export function overdueLoans(db: Db, period: { lastDay: string; closedFrom: string }): LoanSource[] {
  return db
    .all<LoanRow>(
      sql`SELECT ${loanColumns} FROM loans l INDEXED BY loans_kpi_idx LEFT JOIN loan_returns r ON r.loan_id = l.id ${loanDetails}
          WHERE l.due_on < ${period.lastDay}
            AND (r.id IS NULL OR (r.returned_at >= ${period.closedFrom} AND date(r.returned_at, 'localtime') > l.due_on))
          ORDER BY l.due_on, l.id`,
    )
    .map(toLoan);
}
