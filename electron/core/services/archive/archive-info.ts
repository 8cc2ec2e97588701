import { countAuditEvents } from '../../../../db/repositories/audit';
import { countDossiers } from '../../../../db/repositories/dossiers';
import { readArchiveMeta } from '../../../../db/repositories/meta';
import { countUsers } from '../../../../db/repositories/users';
import type { ArchiveInfo } from '../../../../shared/contract';
import { readKeySlotFile } from '../../vault/key-slots';
import type { OpenedArchive } from '../../vault/opened-archive';

export function archiveInfo(archive: OpenedArchive): ArchiveInfo {
  const { db } = archive.database;
  const meta = readArchiveMeta(db);
  const users = countUsers(db);
  return {
    dataDir: archive.paths.dataDir,
    archiveId: meta.archiveId,
    createdAt: meta.createdAt,
    schemaVersion: archive.database.schemaVersion,
    keySlotFormatVersion: readKeySlotFile(archive.paths.keySlots).version,
    counts: { users: users.all, activeUsers: users.active, dossiers: countDossiers(db), auditEvents: countAuditEvents(db) },
  };
}
