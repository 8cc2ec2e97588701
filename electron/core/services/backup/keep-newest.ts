import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlerContext } from '../../context';
import { listBackupFiles } from './list-backups';

/**
 * After a backup: keeps the newest `keep` good backups of this archive in `folder` (newest as
 * taken, by the audit trail – not by the name, whose time a wrong clock may have set), and of the
 * failed ones only the newest since the last good one; the others this archive recorded are
 * removed, and the removal recorded. Files the audit trail does not know as this archive's –
 * another archive's backups, anything else – are never touched.
 */
export function keepNewest(ctx: HandlerContext, folder: string, keep: number): void {
  const db = ctx.session().archive.database.db;
  const ours = listBackupFiles(db, folder, ctx.env.paths.dataDir).backups.filter((b) => b.recorded !== null && b.eventId !== null);
  const good = ours.filter((b) => b.recorded?.ok);
  const kept = new Set(good.slice(0, keep).map((b) => b.fileName));
  const newestFailed = ours.find((b) => !b.recorded?.ok);
  if (newestFailed && (newestFailed.eventId ?? 0) > (good[0]?.eventId ?? 0)) kept.add(newestFailed.fileName);
  const removed = ours.filter((b) => !kept.has(b.fileName) && (!b.recorded?.ok || good.indexOf(b) >= keep)).map((b) => b.fileName);
  if (removed.length === 0) return;
  for (const fileName of removed) rmSync(join(folder, fileName), { force: true });
  ctx.write(() => undefined, { action: 'backup:prune', target: { type: 'backup-folder', id: folder }, summary: { folder, keep, removed } });
}
