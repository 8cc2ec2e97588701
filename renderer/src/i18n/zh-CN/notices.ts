export const notices = {
  title: '提醒',
  none: '没有提醒',
  'loan-reminder': '{{archiveNumber}}「{{title}}」应于 {{dueOn}} 归还',
  'loan-overdue': '{{archiveNumber}}「{{title}}」已逾期 {{overdueDays}} 天未还（应还 {{dueOn}}，借阅人 {{borrower}}）',
  'loan-escalated-manager': '{{borrower}} 借阅的 {{archiveNumber}}「{{title}}」已逾期 {{overdueDays}} 天，请督促归还',
  'loan-escalated-head': '{{borrower}} 借阅的 {{archiveNumber}}「{{title}}」已逾期 {{overdueDays}} 天，经部门督促仍未归还',
  'queue-turn': '您申请的 {{archiveNumber}}「{{title}}」已归还，可以办理借出（申请 {{requestId}}）',
  'approval-expired': '您申请的 {{archiveNumber}}「{{title}}」的审批已于 {{expiredOn}} 过期未用，如仍需要请重新申请（申请 {{requestId}}）',
} as const;
