import type { Messages } from '../index';

export const setup: Messages['setup'] = {
  title: 'Create the archive',
  intro: 'First run: create the encrypted archive and the administrator account. All data is stored encrypted on this computer.',
  dataDir: 'Data folder',
  adminSection: 'Administrator',
  passwordHint: 'At least {{min}} characters. Keep it safe: if every administrator password is lost, the archive cannot be opened.',
  passwordTooShort: 'The password needs at least {{min}} characters',
  passwordMismatch: 'The two passwords differ',
  loginLength: 'A login name has 2–32 characters',
  loginPattern: 'Letters, digits, dot, underscore and hyphen only',
  submit: 'Create archive',
  incomplete:
    'The data folder holds a database but its key slot file (keyslots.json) is missing, so it cannot be opened. Restore that file from a backup, or use an empty data folder.',
};
