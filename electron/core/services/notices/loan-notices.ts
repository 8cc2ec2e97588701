import { listDepartments } from '../../../../db/repositories/departments';
import { activeUsersWithRole, findUserById, type UserRecord } from '../../../../db/repositories/users';
import { mayHold } from '../dossiers/dossier-access';
import { listLoans, type LoanRecord } from '../../../../db/repositories/loans';
import type { Db } from '../../../../db/open';
import type { Settings } from '../../../../shared/contract';
import { formatLocalDate } from '../../../../shared/time';
import { workingCalendar } from '../calendar/working-days';
import { addDays, overdueDays } from '../loans/loan-days';

export interface DueNotice {
  userId: number;
  kind: 'loan-reminder' | 'loan-overdue' | 'loan-escalated-manager' | 'loan-escalated-head';
  subject: string;
  key: string;
  detail: Record<string, unknown>;
}

/**
 * The active managers nearest to a department – its own, else those of the department above it –
 * who may see the dossier: a notice names it, and nobody learns of a dossier they may not see.
 */
function managersOf(db: Db, departmentId: number | null, dossier: { level: number; departmentId: number }, threeRoleSeparation: boolean): number[] {
  const managers = activeUsersWithRole(db, ['dept-manager'])
    .map((id) => findUserById(db, id))
    .filter((user): user is UserRecord => user !== null);
  for (let current = departmentId; current !== null; current = parentOf(db, current)) {
    const here = managers.filter((user) => user.departmentId === current);
    if (here.length > 0) return here.filter((user) => mayHold(db, user, dossier, threeRoleSeparation)).map((user) => user.id);
  }
  return [];
}

function parentOf(db: Db, departmentId: number): number | null {
  return listDepartments(db).find((d) => d.id === departmentId)?.parentId ?? null;
}

/**
 * The notices open loans call for today (LE-: overdue loans are flagged and escalated): a reminder
 * before the due day and an overdue notice to the borrower – for an outsider, to the clerk who
 * handed it out – then, after working days overdue, the borrower's department manager and then the
 * archive head (the manager of the handing-out clerk's department). Keys make each one once.
 */
export function dueLoanNotices(db: Db, settings: Settings, now: Date): DueNotice[] {
  const today = formatLocalDate(now);
  const { reminderDaysBefore, managerAfterWorkdays, headAfterWorkdays } = settings.overdueNotices;
  const calendar = workingCalendar(db);
  const due: DueNotice[] = [];
  const open = listLoans(db, { state: 'open', today }, { offset: 0, limit: 100_000 }).loans;
  for (const loan of open) {
    const subject = `loan:${loan.id}`;
    const detail = { loanId: loan.id, archiveNumber: loan.dossier.archiveNumber, title: loan.dossier.title, borrower: borrowerName(loan), dueOn: loan.dueOn, overdueDays: overdueDays(loan.dueOn, null, now) };
    const holder = loan.borrower?.id ?? loan.handedOutBy.id;
    const add = (userIds: number[], kind: DueNotice['kind'], step: string) => {
      for (const userId of new Set(userIds)) due.push({ userId, kind, subject, key: `${subject}:${step}`, detail });
    };
    if (today >= addDays(loan.dueOn, -reminderDaysBefore) && today <= loan.dueOn) add([holder], 'loan-reminder', 'reminder');
    if (today <= loan.dueOn) continue;
    add([holder], 'loan-overdue', 'overdue');
    const late = calendar.workdaysLate(loan.dueOn, today);
    // Escalated once that many working days have passed in full: today counts only once it is over.
    const dossier = { level: loan.dossier.level, departmentId: loan.dossier.departmentId };
    if (late > managerAfterWorkdays) add(managersOf(db, loan.borrower?.departmentId ?? null, dossier, settings.threeRoleSeparation), 'loan-escalated-manager', 'manager');
    if (late > headAfterWorkdays) add(managersOf(db, findUserById(db, loan.handedOutBy.id)?.departmentId ?? null, dossier, settings.threeRoleSeparation), 'loan-escalated-head', 'head');
  }
  return due;
}

function borrowerName(loan: LoanRecord): string {
  if (loan.borrower) return loan.borrower.displayName;
  const outsider = loan.outsider ? (JSON.parse(loan.outsider) as { name: string; organisation: string }) : null;
  return outsider ? `${outsider.name}（${outsider.organisation}）` : '';
}
