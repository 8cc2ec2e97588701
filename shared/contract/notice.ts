import { z } from 'zod';
import { mutation, returns } from './define';

export const noticeKinds = ['loan-reminder', 'loan-overdue', 'loan-escalated-manager', 'loan-escalated-head', 'queue-turn', 'approval-expired'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** An in-app notice (no mail server is assumed). Its words are built from `detail` in the reader's language. */
export interface NoticeView {
  id: number;
  kind: NoticeKind;
  subject: string;
  detail: { archiveNumber?: string; title?: string; borrower?: string; dueOn?: string; overdueDays?: number; loanId?: number; requestId?: number; expiredOn?: string };
  createdAt: string;
  read: boolean;
}

export interface NoticeList {
  notices: NoticeView[];
  unread: number;
}

export const noticeContract = {
  /**
   * Issues the reminders, escalations and expiries now due (each once), and answers with the signed-in
   * user's notices – also when the archive cannot be written now (they are issued at a later check).
   */
  'notice:check': mutation({
    access: 'session',
    writesWhenDue: true,
    poll: true,
    input: z.strictObject({}),
    output: returns<NoticeList>(),
  }),
  'notice:read': mutation({
    access: 'session',
    input: z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(200) }),
    output: returns<NoticeList>(),
  }),
};
