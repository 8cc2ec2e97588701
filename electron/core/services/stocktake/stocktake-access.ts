import { findStocktake, type StocktakeRecord } from '../../../../db/repositories/stocktakes';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import { readsRegisters } from '../../../../shared/register-readers';
import type { HandlerContext } from '../../context';

export function requireStocktake(db: Db, id: number): StocktakeRecord {
  const record = findStocktake(db, id);
  if (!record) throw new AppError('NOT_FOUND', { zh: `没有第 ${id} 号盘点`, en: `There is no stocktake no. ${id}` });
  return record;
}

/** Registers are append-only: a finished stocktake takes no more scans and is not finished again. */
export function requireOpenStocktake(db: Db, id: number): StocktakeRecord {
  const record = requireStocktake(db, id);
  if (record.finish) throw new AppError('CONFLICT', { zh: `第 ${id} 号盘点已于 ${record.finish.finishedAt.slice(0, 10)} 结束，不能再更改`, en: `Stocktake no. ${id} was finished on ${record.finish.finishedAt.slice(0, 10)}; it cannot be changed` });
  return record;
}

/** The stocktake register is read whole by those who keep, approve from or audit the registers. */
export function assertReadsStocktakes(ctx: HandlerContext): void {
  const session = ctx.session();
  if (!readsRegisters(session.record.roles, session.settings.threeRoleSeparation)) {
    ctx.deny({ zh: '只有档案管理员、审批人和审计员可以查看盘点记录', en: 'Only archive clerks, approvers and auditors read stocktakes' });
  }
}
