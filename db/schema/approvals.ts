import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { dossiers } from './dossiers';
import { users } from './users';

/**
 * The approval register (LE-01…LE-16, LE-05): one request to consult, borrow, copy, excerpt or
 * export one dossier, for one purpose, one requester and a period. Append-only: what was asked is
 * never changed; only the derived state (status, next step, use) moves, guarded by triggers.
 */
export const approvalRequests = sqliteTable(
  'approval_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind', { enum: ['consultation', 'loan', 'copy', 'excerpt', 'export'] }).notNull(),
    /** The user the request is for; null for an outsider (see `outsider`). */
    requesterId: integer('requester_id').references(() => users.id),
    /** JSON: an outsider's name, organisation, ID/work-ID, letter of introduction, authority and assistance notice. */
    outsider: text('outsider'),
    /** Who entered the request: the requester, or the clerk who registered it for them. */
    registeredBy: integer('registered_by')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    reason: text('reason'),
    /** JSON array of document ids, or null for the whole dossier. */
    documents: text('documents'),
    copies: integer('copies'),
    /** Days asked for (loans and consultations). */
    periodDays: integer('period_days'),
    /** JSON: the approval steps the routing rules gave, in order. */
    route: text('route').notNull(),
    requestedAt: text('requested_at').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'withdrawn'] })
      .notNull()
      .default('pending'),
    /** Index into `route` of the step waiting for a decision. */
    nextStep: integer('next_step').notNull().default(0),
    /** Set when the last decision is taken. */
    decidedAt: text('decided_at'),
    /** An approval is valid until then (set when approved). */
    validUntil: text('valid_until'),
    usedAt: text('used_at'),
  },
  (t) => [
    index('approval_requests_dossier_idx').on(t.dossierId, t.kind, t.status),
    index('approval_requests_requester_idx').on(t.requesterId, t.status),
    // "My requests" are those one made or registered: with both columns indexed SQLite answers the OR from two indexes.
    index('approval_requests_registrar_idx').on(t.registeredBy),
    index('approval_requests_status_idx').on(t.status, t.nextStep),
    index('approval_requests_requested_idx').on(t.requestedAt),
    // Approvals still unused: the few that can expire or be used, found without the years of used ones.
    index('approval_requests_unused_idx').on(t.status, t.usedAt, t.validUntil),
  ],
);

/** Each approver's decision on one step of a request, with the comment. Append-only. */
export const approvalDecisions = sqliteTable(
  'approval_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    step: integer('step').notNull(),
    approverId: integer('approver_id')
      .notNull()
      .references(() => users.id),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    comment: text('comment'),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [uniqueIndex('approval_decisions_step_unique').on(t.requestId, t.step), index('approval_decisions_approver_idx').on(t.approverId)],
);
