import type { RepairedIndex } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { clearDamageRecord } from '../../integrity/damage-record';
import { writeHighWaterMark } from '../../integrity/high-water-mark';
import { prepareSearchIndexRepair, type PreparedRepair } from '../../integrity/repair-search-index';
import type { ArchivePaths } from '../../vault/archive-files';
import { toActor } from '../users/user-dto';

/**
 * An administrator repairs a damaged search index: a repaired copy of the database is made and
 * checked (repair-search-index.ts), the archive is locked, the copy takes the damaged file's place
 * and writing is allowed again. Signing in again opens the repaired archive. Damaged records are
 * refused: only a copy of the data folder can bring those back.
 */
export function repairSearchIndex(ctx: HandlerContext): RepairedIndex {
  const session = ctx.session();
  const { archive } = session;
  const prepared = prepareSearchIndexRepair(archive, { actor: toActor(session.record), frontDoor: ctx.frontDoor, at: ctx.env.now() });
  // The lock must not be written into the file about to be replaced (nor move the mark past it).
  session.condition = { code: 'ARCHIVE_DAMAGED', message: { zh: '正在修复', en: 'Being repaired' } };
  putRepairInPlace(prepared, archive, () => ctx.lock('manual'));
  return { damaged: prepared.damaged, dossiers: prepared.dossiers, signedOut: true };
}

/**
 * The repaired copy replaces the damaged file once `close` has closed the archive (which wipes its
 * key: a copy is kept for the mark), then the mark follows – a crash before that leaves the mark
 * behind the repaired database, never ahead of it – and writing is allowed again.
 */
export function putRepairInPlace(prepared: PreparedRepair, archive: { paths: ArchivePaths; archiveId: string; dataKey: Uint8Array }, close: () => void): void {
  const { paths, archiveId } = archive;
  const dataKey = Buffer.from(archive.dataKey);
  try {
    close();
    prepared.swap();
    if (!prepared.keepMark) writeHighWaterMark(paths.highWaterMark, dataKey, archiveId, prepared.mark);
  } finally {
    dataKey.fill(0);
  }
  clearDamageRecord(paths.damageRecord);
}
