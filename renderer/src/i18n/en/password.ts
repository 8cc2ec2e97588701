import type { Messages } from '../index';

export const password: Messages['password'] = {
  title: 'Change password',
  forcedTitle: 'Set a new password',
  forcedIntro: 'This is your first sign-in, or an administrator reset your password. Set your own password to continue.',
  current: 'Current password',
  new: 'New password',
  confirm: 'Confirm new password',
  hint: 'At least {{min}} characters, not the same as the last one.',
  hintNew: 'At least {{min}} characters.',
  backToSignIn: 'Back to sign-in',
  changed: 'Password changed',
};
