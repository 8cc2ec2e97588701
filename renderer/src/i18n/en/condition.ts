import type { Messages } from '../index';

export const condition: Messages['condition'] = {
  ARCHIVE_DAMAGED: 'The archive files are damaged: writing is stopped',
  ARCHIVE_ROLLED_BACK: 'The archive was rolled back to an earlier state: writing is stopped',
  READ_ONLY: 'The data folder is read-only: looking only',
  DISK_FULL: 'The disk is full: writing is stopped',
  repair: 'Rebuild the indexes',
  repairConfirm: 'Rebuild the damaged indexes from the records and replace the damaged database file? You will sign in again afterwards.',
  repaired: 'The indexes were rebuilt; please sign in again',
  accept: 'Accept this state',
  acceptConfirm: 'Confirm that the lost files cannot be put back? What was lost is recorded in the audit trail, and archive numbers already issued are never used again.',
  accepted: 'Accepted; writing resumes',
};
