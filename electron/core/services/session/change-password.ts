import { setKeySlotMac } from '../../../../db/repositories/users';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { normalizePassword } from '../../vault/kdf';
import { createSlot, keySlotFileText, openSlot, readKeySlotFile, slotMac, withSlot } from '../../vault/key-slots';

/** Rewraps the data key for the signed-in user only; the database and the other slots stay as they are. */
export async function changePassword(ctx: HandlerContext, currentPassword: string, newPassword: string): Promise<void> {
  const { archive, user } = ctx.session();
  if (normalizePassword(currentPassword) === normalizePassword(newPassword)) {
    throw new AppError('VALIDATION', { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' });
  }
  const slotFile = readKeySlotFile(archive.paths.keySlots);
  try {
    (await openSlot(slotFile, user.login, currentPassword)).fill(0);
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_PASSWORD') {
      throw new AppError('WRONG_PASSWORD', { zh: '当前密码不正确', en: 'The current password is wrong' });
    }
    throw error;
  }
  const slot = await createSlot(slotFile, user.login, newPassword, archive.dataKey, ctx.env.kdfCost);
  const at = ctx.env.now().toISOString();
  ctx.write(
    (db, effects) => {
      setKeySlotMac(db, user.id, slotMac(archive.dataKey, archive.archiveId, slot), at);
      effects.replaceFile(archive.paths.keySlots, keySlotFileText(withSlot(readKeySlotFile(archive.paths.keySlots), slot)));
    },
    { action: 'session:change-password', target: { type: 'user', id: user.id, label: user.login } },
  );
}
