import { AppError } from '../../../../shared/errors';
import { normalizePassword } from '../../vault/kdf';
import { findSlot, openSlot, type KeySlotFile } from '../../vault/key-slots';

/** The configured minimum length (never below the product's floor of 8). */
export function assertPasswordLength(password: string, minLength: number): void {
  if ([...normalizePassword(password)].length < minLength) {
    throw new AppError('VALIDATION', { zh: `密码至少 ${minLength} 个字符`, en: `The password needs at least ${minLength} characters` });
  }
}

/**
 * No reuse of the last password: the new password must not open the user's current key slot.
 * (Costs one key derivation; the password itself is never stored anywhere.)
 */
export async function assertNotCurrentPassword(slots: KeySlotFile, login: string, password: string): Promise<void> {
  if (!findSlot(slots, login)) return;
  try {
    (await openSlot(slots, login, password)).fill(0);
  } catch {
    return;
  }
  throw new AppError('VALIDATION', { zh: '新密码不能与上一次的密码相同', en: 'The new password must differ from the last one' });
}
