import { findFinding, findInspection, type FindingRecord, type InspectionRecord } from '../../../../db/repositories/inspections';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import { readsRegisters } from '../../../../shared/register-readers';
import type { HandlerContext } from '../../context';

export function requireInspection(db: Db, id: number): InspectionRecord {
  const record = findInspection(db, id);
  if (!record) throw new AppError('NOT_FOUND', { zh: `没有第 ${id} 号保管检查`, en: `There is no inspection no. ${id}` });
  return record;
}

/** Registers are append-only: a finished inspection is a register entry and is not changed again. */
export function requireOpenInspection(db: Db, id: number): InspectionRecord {
  const record = requireInspection(db, id);
  if (record.finish) throw new AppError('CONFLICT', { zh: `第 ${id} 号保管检查已于 ${record.finish.inspectedOn} 完成，不能再更改`, en: `Inspection no. ${id} was finished on ${record.finish.inspectedOn}; it cannot be changed` });
  return record;
}

export function requireFinding(db: Db, id: number): FindingRecord {
  const finding = findFinding(db, id);
  if (!finding) throw new AppError('NOT_FOUND', { zh: `没有第 ${id} 号检查发现`, en: `There is no finding no. ${id}` });
  return finding;
}

/** The inspection register is read whole by those who keep, approve from or audit the registers. */
export function assertReadsInspections(ctx: HandlerContext): void {
  const session = ctx.session();
  if (!readsRegisters(session.record.roles, session.settings.threeRoleSeparation)) {
    ctx.deny({ zh: '只有档案管理员、审批人和审计员可以查看保管检查记录', en: 'Only archive clerks, approvers and auditors read custody inspections' });
  }
}
