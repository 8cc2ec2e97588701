import { raiseSequence } from '../../../../db/repositories/dossiers';
import type { RollbackAccepted } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { databaseState, keepHighWaterMark, writeCurrentHighWaterMark } from '../../integrity/rollback-check';

/**
 * The administrator's decision that a rolled-back archive goes on from what the database still
 * holds. The lost range is recorded; every scope's running number is moved past the numbers issued
 * before the rollback, so none is issued twice; then the mark starts again from here.
 */
export function acceptRollback(ctx: HandlerContext): RollbackAccepted {
  const session = ctx.session();
  const condition = session.condition;
  if (condition?.code !== 'ARCHIVE_ROLLED_BACK') {
    throw new AppError('CONFLICT', { zh: '档案库没有回退，无需确认', en: 'The archive has not been rolled back; there is nothing to accept' });
  }
  const { rollback } = condition;
  const result = ctx.write(
    (db) => {
      const numbersAdvanced: Record<string, number> = {};
      for (const [scope, { issued }] of Object.entries(rollback.lostNumbers)) {
        raiseSequence(db, scope, issued);
        numbersAdvanced[scope] = issued;
      }
      keepHighWaterMark(db);
      return { databaseEventId: databaseState(db).eventId, markEventId: rollback.mark?.eventId ?? null, numbersAdvanced };
    },
    (accepted) => ({
      action: 'archive:rollback-accepted',
      target: { type: 'archive', id: session.archive.archiveId },
      summary: { finding: rollback.kind, ...accepted, markEventAt: rollback.mark?.eventAt ?? null, message: rollback.message.zh },
    }),
    { despite: 'ARCHIVE_ROLLED_BACK' },
  );
  writeCurrentHighWaterMark(session.archive);
  session.condition = null;
  return result;
}
