import type { Messages } from '../index';

export const notices: Messages['notices'] = {
  title: 'Notices',
  none: 'No notices',
  'loan-reminder': '{{archiveNumber}} "{{title}}" is due back on {{dueOn}}',
  'loan-overdue': '{{archiveNumber}} "{{title}}" is {{overdueDays}} days overdue (due {{dueOn}}, borrower {{borrower}})',
  'loan-escalated-manager': '{{archiveNumber}} "{{title}}", borrowed by {{borrower}}, is {{overdueDays}} days overdue: please see that it comes back',
  'loan-escalated-head': '{{archiveNumber}} "{{title}}", borrowed by {{borrower}}, is {{overdueDays}} days overdue despite the reminders',
  'queue-turn': '{{archiveNumber}} "{{title}}" you asked for is back and can be handed out (request {{requestId}})',
  'approval-expired': 'Your approval for {{archiveNumber}} "{{title}}" ran out unused on {{expiredOn}}; ask again if you still need it (request {{requestId}})',
};
