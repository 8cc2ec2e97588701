import type { UserRecord } from '../../db/repositories/users';
import { SealAhead } from './attachments/seal-ahead';
import type { CoreEnv } from './context';
import { assessArchive } from './integrity/archive-condition';
import { readSettings } from './services/settings/settings';
import { toSessionUser } from './services/users/user-dto';
import type { ActiveSession } from './session';
import { STAGING_LIMITS, StagingArea } from './staging/staging-area';
import type { OpenedArchive } from './vault/opened-archive';

/**
 * A session of `record` on the archive just opened: its settings and condition read, its staging
 * area and its scans sealed ahead ready. Nothing is recorded here; the core's startSession does that.
 */
export function newSession(env: CoreEnv, archive: OpenedArchive, record: UserRecord): ActiveSession {
  const settings = readSettings(archive.database.db);
  // A scan staged completely is sealed at once, unless the filing would refuse it for its size or the archive may not be written now.
  const sealAhead = new SealAhead(env.paths.scans, archive.dataKey, (file) => session.condition === null && file.size <= session.settings.scanMaxMegabytes * 1024 * 1024);
  const session: ActiveSession = {
    archive,
    record,
    settings,
    user: toSessionUser(record, settings.threeRoleSeparation),
    idleLockMinutes: settings.idleLockMinutes,
    lastActivityAt: env.now().getTime(),
    stagedImports: new Map(),
    stagedFiles: new StagingArea(env.paths.staging, () => env.now().getTime(), STAGING_LIMITS, sealAhead),
    sealAhead,
    background: null,
    condition: assessArchive(archive),
    pendingSignIn: null,
  };
  return session;
}
