import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained: each event
 * stores the hash of its predecessor and of its own content (see electron/core/audit/chain.ts).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    /** Copied at the time of the event so history stays attributable after renames or disabling. */
    userLogin: text('user_login'),
    userDisplayName: text('user_display_name'),
    /** The actor's department code at the time of the event. */
    userDepartment: text('user_department'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    /** JSON: what changed (before/after summaries), never passwords or keys. */
    summary: text('summary'),
    frontDoor: text('front_door').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    // A hash can be the predecessor of one event only: a forked chain cannot be written.
    uniqueIndex('audit_events_prev_hash_unique').on(t.prevHash),
    index('audit_events_at_idx').on(t.at),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_user_idx').on(t.userId),
    index('audit_events_action_idx').on(t.action),
  ],
);
