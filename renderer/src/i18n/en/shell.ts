import type { Messages } from '../index';

export const shell: Messages['shell'] = {
  workbench: 'Workbench',
  dossiers: 'Dossiers',
  locations: 'Storage',
  customers: 'Customers',
  approvals: 'Approvals',
  intake: 'Intake',
  loans: 'Lending',
  statistics: 'Statistics',
  audit: 'Audit',
  settings: 'Settings',
  lock: 'Lock',
  language: 'Language',
  signedInAs: 'Signed in as',
  changePassword: 'Change password',
};
