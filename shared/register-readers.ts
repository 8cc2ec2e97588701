import { can, type Permission, type Role } from './permissions';

/**
 * Who reads the registers whole – prints them, sees their statistics and the violation ledger:
 * those who keep the registers, approve from them or audit them. Everyone else reads their own
 * entries only. Kept apart from the contract so that the window's menu can ask without loading any
 * schema.
 */
export const REGISTER_READERS: readonly Permission[] = ['register.keep', 'approval.grant', 'audit.read'];

export function readsRegisters(roles: readonly Role[], threeRoleSeparation: boolean): boolean {
  return REGISTER_READERS.some((permission) => can(roles, permission, threeRoleSeparation));
}
