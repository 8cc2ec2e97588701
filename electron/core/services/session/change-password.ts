import { updateUser } from '../../../../db/repositories/users';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { createSlot, readKeySlotFile, slotMac } from '../../vault/key-slots';
import { provePassword } from './password-under-lockout';
import { assertNotCurrentPassword, assertPasswordLength } from '../users/password-policy';
import { putSlot } from '../users/slot-effects';

/**
 * The signed-in user changes their own password: only that key slot is rewrapped, the database
 * is never re-keyed. Policy: the configured minimum length, and not the last password again.
 */
export async function changePassword(ctx: HandlerContext, currentPassword: string, newPassword: string): Promise<void> {
  const { archive, record, settings } = ctx.session();
  assertPasswordLength(newPassword, settings.passwordMinLength);
  const slots = readKeySlotFile(archive.paths.keySlots);
  try {
    // Counted under the lockout: an unattended signed-in window must not let anyone guess the password.
    await provePassword({ paths: archive.paths, login: record.login, frontDoor: ctx.frontDoor, now: () => ctx.env.now(), purpose: 'change-password' }, currentPassword);
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_PASSWORD') {
      throw new AppError('WRONG_PASSWORD', { zh: '当前密码不正确', en: 'The current password is wrong' });
    }
    throw error;
  }
  await assertNotCurrentPassword(slots, record.login, newPassword);
  const slot = await createSlot(slots, record.login, newPassword, archive.dataKey, ctx.env.kdfCost);
  const at = ctx.env.now().toISOString();
  ctx.write(
    (db, effects) => {
      updateUser(db, record.id, { keySlotMac: slotMac(archive.dataKey, archive.archiveId, slot), mustChangePassword: false }, at);
      putSlot(effects, archive.paths, slot);
    },
    { action: 'session:change-password', target: { type: 'user', id: record.id, label: record.login } },
  );
}
