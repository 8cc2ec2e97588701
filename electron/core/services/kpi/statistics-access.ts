import { findDepartmentByCode, type DepartmentRecord } from '../../../../db/repositories/departments';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import { readsRegisters } from '../../../../shared/register-readers';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';

/** The statistics and the violation ledger are for those who keep, approve from or audit the registers. */
export function requireStatisticsReader(ctx: HandlerContext, what: { zh: string; en: string }): ActiveSession {
  const session = ctx.session();
  if (!readsRegisters(session.record.roles, session.settings.threeRoleSeparation)) {
    ctx.deny({ zh: `只有档案管理员、审批人和审计员可以查看${what.zh}`, en: `Only archive clerks, approvers and auditors see the ${what.en}` });
  }
  return session;
}

/** The department a report is asked for, or null for all; VALIDATION naming the field when there is none with that code. */
export function reportDepartment(db: Db, code: string | undefined): DepartmentRecord | null {
  if (code === undefined) return null;
  const department = findDepartmentByCode(db, code);
  if (!department) throw new AppError('VALIDATION', { zh: `没有代码为 ${code} 的部门`, en: `There is no department ${code}` }, { issues: [{ path: 'department', message: `没有代码为 ${code} 的部门`, messageEn: `There is no department ${code}` }] });
  return department;
}

/** A month still to come has no figures: VALIDATION rather than a report of zeros. */
export function requirePastMonth(month: string, now: Date): void {
  if (month > formatLocalDate(now).slice(0, 7)) {
    throw new AppError('VALIDATION', { zh: `${month} 尚未开始`, en: `${month} has not begun` }, { issues: [{ path: 'month', message: `${month} 尚未开始`, messageEn: `${month} has not begun` }] });
  }
}
