import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { approvalRequests } from './approvals';
import { dossiers } from './dossiers';
import { users } from './users';

/**
 * The loan register (外借登记册) and consultation log (查阅登记): one entry per hand-out of an
 * approved request. Append-only: the return is an entry of its own (loan_returns) that cancels
 * (注销) this one; nothing here changes after it is written.
 */
export const loans = sqliteTable(
  'loans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The approval it uses up: one hand-out per approval. */
    requestId: integer('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind', { enum: ['loan', 'consultation'] }).notNull(),
    /** The user holding it; null for an outsider (named in the request). */
    borrowerId: integer('borrower_id').references(() => users.id),
    handedOutBy: integer('handed_out_by')
      .notNull()
      .references(() => users.id),
    handedOutAt: text('handed_out_at').notNull(),
    /** The last day it may be kept (YYYY-MM-DD). */
    dueOn: text('due_on').notNull(),
    /** JSON: the documents that went out with their page counts (the 卷内目录 at hand-out). */
    documents: text('documents').notNull(),
    /** JSON: the receiver's acknowledgement – typed name and an optional drawn signature (PNG data URL). */
    borrowerSignature: text('borrower_signature').notNull(),
    note: text('note'),
    /** The loan this one takes over (its return closed it at this hand-out): a renewal by its holder, or a passing on to this borrower. */
    continues: integer('continues').references((): AnySQLiteColumn => loans.id),
    continuation: text('continuation', { enum: ['renewal', 'pass-on'] }),
  },
  (t) => [uniqueIndex('loans_request_unique').on(t.requestId), index('loans_dossier_idx').on(t.dossierId), index('loans_borrower_idx').on(t.borrowerId), index('loans_handed_out_idx').on(t.handedOutAt), index('loans_due_idx').on(t.dueOn), index('loans_kpi_idx').on(t.dueOn, t.borrowerId, t.dossierId), index('loans_continues_idx').on(t.continues)],
);

/** The return that cancels a loan (注销): what came back against what went out, and who received it. */
export const loanReturns = sqliteTable(
  'loan_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id),
    receivedBy: integer('received_by')
      .notNull()
      .references(() => users.id),
    returnedAt: text('returned_at').notNull(),
    /** JSON: per document a finding (missing, pages missing, damaged) with a note; empty when all came back whole. */
    findings: text('findings').notNull(),
    /** JSON: the returner's typed name and optional drawn signature. */
    returnerSignature: text('returner_signature').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('loan_returns_loan_unique').on(t.loanId), index('loan_returns_returned_idx').on(t.returnedAt), index('loan_returns_kpi_idx').on(t.loanId, t.returnedAt)],
);

/**
 * In-app notices (no mail server is assumed): reminders before a due date, overdue notices and
 * their escalation, a queue's turn. `key` makes each notice once only.
 */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** e.g. loan-reminder, loan-overdue, loan-escalated, queue-turn. */
    kind: text('kind').notNull(),
    /** What it is about, e.g. loan:12. */
    subject: text('subject').notNull(),
    /** Makes a notice unique per user (e.g. loan:12:overdue-manager). */
    key: text('key').notNull(),
    /** JSON: the values the notice's words are built from. */
    detail: text('detail').notNull(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [uniqueIndex('notices_user_key_unique').on(t.userId, t.key), index('notices_user_idx').on(t.userId, t.readAt)],
);

/**
 * A correction of a return's findings (CF-13): the return stays as it was written; this entry,
 * referring to it, says what was really found and why. The latest correction is what counts.
 */
export const loanReturnCorrections = sqliteTable(
  'loan_return_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id),
    correctedBy: integer('corrected_by')
      .notNull()
      .references(() => users.id),
    correctedAt: text('corrected_at').notNull(),
    /** JSON: the findings as they should have been recorded. */
    findings: text('findings').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('loan_return_corrections_loan_idx').on(t.loanId, t.id)],
);
