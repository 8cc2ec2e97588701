import type { Messages } from '../index';

export const login: Messages['login'] = {
  title: 'Sign in',
  submit: 'Sign in',
  lockedIdle: 'The archive locked itself after a period of inactivity. Please sign in again.',
  lockedManual: 'The archive is locked. Please sign in again.',
  repair: 'Rebuild indexes and sign in (administrator)',
  repairConfirm: 'Sign in with the administrator account above, rebuild the damaged indexes from the records and replace the damaged database file with the checked repaired copy? Nothing is changed when records themselves are damaged.',
  repaired: 'Indexes rebuilt: {{names}}',
  idleWarningTitle: 'Locking soon',
  idleWarning: 'Nothing has been done for a while: the archive locks itself in {{seconds}} seconds. Whatever is not saved then (pages captured with the document camera but not filed, unsaved forms) is lost.',
  keepWorking: 'Keep working',
};
