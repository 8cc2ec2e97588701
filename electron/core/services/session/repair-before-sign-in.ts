import { findUserByLoginWithoutIndex } from '../../../../db/repositories/users';
import type { RepairedIndex } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { can } from '../../../../shared/permissions';
import type { FrontDoor } from '../../audit/chain';
import type { CoreEnv } from '../../context';
import { findDamagedStructures } from '../../integrity/damaged-structures';
import { prepareSearchIndexRepair, type PreparedRepair } from '../../integrity/repair-search-index';
import { closeArchive } from '../../vault/opened-archive';
import { putRepairInPlace } from '../archive/repair-index';
import { readSettings } from '../settings/settings';
import { toActor } from '../users/user-dto';
import { recordSignInLater, signIn } from './sign-in';

/**
 * Indexes that sign-in itself reads (the login index, the audit trail's) can be damaged too, and
 * then no session is ever opened to repair them. An administrator's password opens the archive
 * without them – the user is found by reading the users table – and the repair of
 * repair-search-index.ts runs before the real sign-in. The attempt counts toward lockout like any
 * sign-in; nothing is repaired for anyone else. Null when nothing is damaged.
 */
export async function repairBeforeSignIn(env: CoreEnv, login: string, password: string, frontDoor: FrontDoor): Promise<RepairedIndex | null> {
  const { archive, user } = await signIn(env, login, password, frontDoor, { findUser: findUserByLoginWithoutIndex });
  let prepared: PreparedRepair | null = null;
  try {
    if (!can(user.roles, 'settings.manage', readSettings(archive.database.db).threeRoleSeparation)) {
      // The damaged archive cannot take the refusal now: it is sealed like an attempt, for the next sign-in to record.
      await recordSignInLater(env.paths.signinState, { at: env.now(), login: user.login, frontDoor }, 'repair-refused').catch(() => undefined);
      throw new AppError('FORBIDDEN', { zh: '只有管理员可以重建索引', en: 'Only an administrator can rebuild the indexes' });
    }
    if (findDamagedStructures(archive.database.sqlite).length > 0) prepared = prepareSearchIndexRepair(archive, { actor: toActor(user), frontDoor, at: env.now() });
  } catch (error) {
    closeArchive(archive);
    throw error;
  }
  if (!prepared) {
    closeArchive(archive);
    return null;
  }
  putRepairInPlace(prepared, archive, () => closeArchive(archive));
  return { damaged: prepared.damaged, dossiers: prepared.dossiers, signedOut: true };
}
