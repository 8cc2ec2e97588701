import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { highestDossierLevel, visible, type Visibility } from './dossiers';
import { countingIntake, firstHandOver } from './intake-counting';

/**
 * The KPI figures (KP-01), each one aggregate query over the registers – an index range of the
 * period, grouped in SQL – never the entries one by one. Every figure counts only dossiers the
 * reader may see. The joins name their indexes (migration 0016): the planner, without statistics,
 * would otherwise start from the wrong table, and the indexes hold every column read, so no row of
 * the wide tables is decrypted for a figure.
 */

/** How the queries reach the reader's dossiers: no join at all for a reader who sees every dossier. */
export interface Seen {
  join: (dossierId: SQL) => SQL;
  where: SQL;
}

export function seenBy(db: Db, visibility: Visibility): Seen {
  const seesAll = visibility.departmentIds === null && visibility.maxLevel >= highestDossierLevel(db);
  if (seesAll) return { join: () => sql``, where: sql`1` };
  return { join: (dossierId) => sql`JOIN dossiers INDEXED BY dossiers_visibility_idx ON dossiers.id = ${dossierId}`, where: visible(visibility) ?? sql`1` };
}

const onlyDepartment = (column: SQL, departmentId: number | null): SQL => (departmentId === null ? sql`1` : sql`${column} = ${departmentId}`);

export interface IntakeFigureRow {
  departmentId: number;
  dossiers: number;
  withDeadline: number;
  onTime: number;
  complete: number;
}

/**
 * Dossiers handed over in [from, to) per handing department – their first hand-over, over the
 * entries that count (intake-counting.ts): how many had a deadline and met it, how many came with
 * no checklist item missing.
 */
export function intakeFigures(db: Db, period: { from: string; to: string }, seen: Seen, departmentId: number | null): IntakeFigureRow[] {
  return db.all<IntakeFigureRow>(sql`
    SELECT i.from_department_id AS departmentId,
           count(*) AS dossiers,
           coalesce(sum(l.deadline IS NOT NULL), 0) AS withDeadline,
           coalesce(sum(l.deadline IS NOT NULL AND l.workdays_late = 0), 0) AS onTime,
           coalesce(sum(l.missing_count = 0), 0) AS complete
    FROM intakes i INDEXED BY intakes_kpi_idx
    CROSS JOIN intake_dossiers l INDEXED BY intake_dossiers_kpi_idx ON l.intake_id = i.id
    ${seen.join(sql`l.dossier_id`)}
    WHERE i.handed_over_at >= ${period.from} AND i.handed_over_at < ${period.to}
      AND ${onlyDepartment(sql`i.from_department_id`, departmentId)}
      AND ${countingIntake} AND ${firstHandOver}
      AND ${seen.where}
    GROUP BY i.from_department_id`);
}

export interface DepartmentCount {
  /** The borrower's department; null for outsiders (and users without one). */
  departmentId: number | null;
  n: number;
}

/**
 * Loans and consultations past their due day and not back at the end of each of `days` (with the
 * ISO end of each day, exclusive), per borrower's department – in one pass over the loans due
 * before the last day: due before the day, returned after its end or not at all.
 */
export function overdueAt(db: Db, days: readonly { day: string; dayEnd: string }[], seen: Seen, departmentId: number | null): DepartmentCount[][] {
  if (days.length === 0) return [];
  const last = days.reduce((a, b) => (a.day > b.day ? a : b));
  const first = days.reduce((a, b) => (a.dayEnd < b.dayEnd ? a : b));
  const sums = sql.join(
    days.map((d, i) => sql`coalesce(sum(l.due_on < ${d.day} AND (r.returned_at IS NULL OR r.returned_at >= ${d.dayEnd})), 0) AS ${sql.identifier(`n${i}`)}`),
    sql`, `,
  );
  const rows = db.all<Record<string, number | null>>(sql`
    SELECT b.department_id AS departmentId, ${sums}
    FROM loans l INDEXED BY loans_kpi_idx
    LEFT JOIN loan_returns r INDEXED BY loan_returns_kpi_idx ON r.loan_id = l.id
    LEFT JOIN users b ON b.id = l.borrower_id
    ${seen.join(sql`l.dossier_id`)}
    WHERE l.due_on < ${last.day} AND (r.returned_at IS NULL OR r.returned_at >= ${first.dayEnd})
      AND ${onlyDepartment(sql`b.department_id`, departmentId)}
      AND ${seen.where}
    GROUP BY b.department_id`);
  return days.map((_, i) => rows.map((row) => ({ departmentId: row.departmentId ?? null, n: row[`n${i}`] ?? 0 })));
}

/**
 * Loans whose first overdue day (the day after the due day) lies in a month: due from `dueFrom`
 * to `dueTo`, and not back by the end of their due day (days are local: the return time is read
 * in the local time zone, as the loan service does).
 */
export function wentOverdue(db: Db, dueFrom: string, dueTo: string, seen: Seen, departmentId: number | null): DepartmentCount[] {
  return db.all<DepartmentCount>(sql`
    SELECT b.department_id AS departmentId, count(*) AS n
    FROM loans l INDEXED BY loans_kpi_idx
    LEFT JOIN loan_returns r INDEXED BY loan_returns_kpi_idx ON r.loan_id = l.id
    LEFT JOIN users b ON b.id = l.borrower_id
    ${seen.join(sql`l.dossier_id`)}
    WHERE l.due_on >= ${dueFrom} AND l.due_on <= ${dueTo}
      AND (r.returned_at IS NULL OR date(r.returned_at, 'localtime') > l.due_on)
      AND ${onlyDepartment(sql`b.department_id`, departmentId)}
      AND ${seen.where}
    GROUP BY b.department_id`);
}

export interface DossierCountRow {
  departmentId: number | null;
  typeId: number | null;
  level: number;
  classification: string | null;
  complete: number;
  n: number;
}

/**
 * Dossiers opened (建档) from `firstDay` to `lastDay` – the day they were opened on, or for those
 * without one (some imports) the day they were created – by department, type, level and classification.
 */
export function openedDossiers(db: Db, period: { firstDay: string; lastDay: string; from: string; to: string }, visibility: Visibility, departmentId: number | null): DossierCountRow[] {
  const where = sql`${onlyDepartment(sql`dossiers.department_id`, departmentId)} AND ${visible(visibility) ?? sql`1`}`;
  const columns = sql`dossiers.department_id AS departmentId, dossiers.type_id AS typeId, dossiers.level AS level, dossiers.classification AS classification, 0 AS complete, count(*) AS n`;
  const groups = sql`GROUP BY dossiers.department_id, dossiers.type_id, dossiers.level, dossiers.classification`;
  return db.all<DossierCountRow>(sql`
    SELECT ${columns} FROM dossiers INDEXED BY dossiers_opened_kpi_idx
    WHERE dossiers.opened_on >= ${period.firstDay} AND dossiers.opened_on <= ${period.lastDay} AND ${where} ${groups}
    UNION ALL
    SELECT ${columns} FROM dossiers INDEXED BY dossiers_opened_idx
    WHERE dossiers.opened_on IS NULL AND dossiers.created_at >= ${period.from} AND dossiers.created_at < ${period.to} AND ${where} ${groups}`);
}

/** The catalogue as it stands (destroyed dossiers left out), by department, type, level and completeness: one pass over a narrow index. */
export function catalogueCounts(db: Db, visibility: Visibility, departmentId: number | null): DossierCountRow[] {
  return db.all<DossierCountRow>(sql`
    SELECT dossiers.department_id AS departmentId, dossiers.type_id AS typeId, dossiers.level AS level,
           NULL AS classification, dossiers.complete AS complete, count(*) AS n
    FROM dossiers INDEXED BY dossiers_visibility_idx
    WHERE dossiers.status <> 'destroyed'
      AND ${onlyDepartment(sql`dossiers.department_id`, departmentId)}
      AND ${visible(visibility) ?? sql`1`}
    GROUP BY dossiers.department_id, dossiers.type_id, dossiers.level, dossiers.complete`);
}
