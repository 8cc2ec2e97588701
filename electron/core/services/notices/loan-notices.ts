import { listDepartments } from '../../../../db/repositories/departments';
import { activeUsersWithRole, findUserById, type UserRecord } from '../../../../db/repositories/users';
import { mayHold } from '../dossiers/dossier-access';
import { listLoans, type LoanRecord } from '../../../../db/repositories/loans';
import type { Db } from '../../../../db/open';
import type { Settings } from '../../../../shared/contract';
import type { Role } from '../../../../shared/permissions';
import { formatLocalDate } from '../../../../shared/time';
import { workingCalendar } from '../calendar/working-days';
import { addDays, overdueDays } from '../loans/loan-days';
import type { DueNotice } from './due-notice';

interface Dossier {
  level: number;
  departmentId: number;
}

function activeWithRole(db: Db, role: Role): UserRecord[] {
  return activeUsersWithRole(db, [role])
    .map((id) => findUserById(db, id))
    .filter((user): user is UserRecord => user !== null);
}

/**
 * Whom an escalation about a loan goes to: the active managers nearest to a department – its own,
 * else those of the department above it – who may see the dossier (a notice names it, and nobody
 * learns of a dossier they may not see). Never the borrower himself: a borrower who manages the
 * department is escalated to the next level – the department above, at the top the general manager.
 */
function managersOf(db: Db, departmentId: number | null, dossier: Dossier, borrowerId: number | null, threeRoleSeparation: boolean): number[] {
  const managers = activeWithRole(db, 'dept-manager').filter((user) => user.id !== borrowerId);
  const parents = new Map(listDepartments(db).map((d) => [d.id, d.parentId]));
  for (let current = departmentId; current !== null; current = parents.get(current) ?? null) {
    const here = managers.filter((user) => user.departmentId === current);
    if (here.length > 0) return here.filter((user) => mayHold(db, user, dossier, threeRoleSeparation)).map((user) => user.id);
  }
  return activeWithRole(db, 'general-manager')
    .filter((user) => user.id !== borrowerId && mayHold(db, user, dossier, threeRoleSeparation))
    .map((user) => user.id);
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
  const holderOf = (loan: LoanRecord) => loan.borrower?.id ?? loan.handedOutBy.id;
  for (const loan of open) {
    const subject = `loan:${loan.id}`;
    const detail = { loanId: loan.id, archiveNumber: loan.dossier.archiveNumber, title: loan.dossier.title, borrower: borrowerName(loan), dueOn: loan.dueOn, overdueDays: overdueDays(loan.dueOn, null, now) };
    const holder = holderOf(loan);
    const add = (userIds: number[], kind: DueNotice['kind'], step: string) => {
      for (const userId of new Set(userIds)) due.push({ userId, kind, subject, key: `${subject}:${step}`, detail });
    };
    // A reminder is for a loan not yet due: once it is overdue, the overdue notice says more. The due
    // day is a working day, so a reminder missed over a weekend still comes on it.
    if (today >= addDays(loan.dueOn, -reminderDaysBefore) && today <= loan.dueOn) add([holder], 'loan-reminder', 'reminder');
    if (today <= loan.dueOn) continue;
    add([holder], 'loan-overdue', 'overdue');
    const late = calendar.workdaysLate(loan.dueOn, today);
    // Escalated once that many working days have passed in full: today counts only once it is over.
    const dossier = { level: loan.dossier.level, departmentId: loan.dossier.departmentId };
    const borrowerId = loan.borrower?.id ?? null;
    if (late > managerAfterWorkdays) add(managersOf(db, loan.borrower?.departmentId ?? null, dossier, borrowerId, settings.threeRoleSeparation), 'loan-escalated-manager', 'manager');
    if (late > headAfterWorkdays) add(managersOf(db, findUserById(db, loan.handedOutBy.id)?.departmentId ?? null, dossier, borrowerId, settings.threeRoleSeparation), 'loan-escalated-head', 'head');
  }
  return due;
}

function borrowerName(loan: LoanRecord): string {
  if (loan.borrower) return loan.borrower.displayName;
  const outsider = loan.outsider ? (JSON.parse(loan.outsider) as { name: string; organisation: string }) : null;
  return outsider ? `${outsider.name}（${outsider.organisation}）` : '';
}
