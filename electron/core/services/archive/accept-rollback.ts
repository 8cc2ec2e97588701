import { raiseSequence } from '../../../../db/repositories/dossiers';
import type { RollbackAccepted } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../../db/open';
import { listUsers, setKeySlotMac } from '../../../../db/repositories/users';
import type { HandlerContext } from '../../context';
import { findSlot, readKeySlotFile, slotMac, slotMacMatches } from '../../vault/key-slots';
import type { OpenedArchive } from '../../vault/opened-archive';
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
      const slotsRenewed = renewSlotRecords(db, session.archive, ctx.env.now().toISOString());
      return { databaseEventId: databaseState(db).eventId, markEventId: rollback.mark?.eventId ?? null, numbersAdvanced, slotsRenewed };
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

/**
 * The database went back to before some passwords were changed: it holds older records of those
 * users' key slots, and the slots in keyslots.json – the ones whose passwords work now – would be
 * refused as stale from here on. The administrator accepting the rollback vouches for the current
 * slot file; the users whose record is renewed are named in the audit event.
 */
function renewSlotRecords(db: Db, archive: OpenedArchive, at: string): string[] {
  const file = readKeySlotFile(archive.paths.keySlots);
  const renewed: string[] = [];
  for (const user of listUsers(db).filter((u) => u.status === 'active')) {
    const slot = findSlot(file, user.login);
    if (!slot || slotMacMatches(archive.dataKey, archive.archiveId, slot, user.keySlotMac)) continue;
    setKeySlotMac(db, user.id, slotMac(archive.dataKey, archive.archiveId, slot), at);
    renewed.push(user.login);
  }
  return renewed;
}
