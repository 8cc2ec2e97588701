import type { Messages } from '../index';

export const workbench: Messages['workbench'] = {
  title: 'Workbench',
  open: 'Go',
  more: '{{count}} more',
  toDecide: 'Waiting for my decision',
  nothingToDecide: 'No requests wait for your decision',
  overdue: 'Overdue loans',
  noneOverdue: 'No loans are overdue',
  dueToday: 'Due back today',
  noneDueToday: 'Nothing is due back today',
  lateIntakes: 'Late hand-overs (last 30 days)',
  noLateIntakes: 'No late hand-overs in the last 30 days',
  workdaysLate: '{{count}} working days late: {{dossiers}}',
  shortages: 'Open shortages',
  noShortages: 'No documents are outstanding',
  missingSince: '{{item}} missing since {{since}}',
  myRequests: 'My requests',
  noRequests: 'No requests under way',
  recentIntakes: 'Intakes (last 7 days)',
  noIntakes: 'No intakes yet',
  dossierCount: '{{count}} dossiers',
};
