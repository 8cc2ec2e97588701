import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossiers } from './dossiers';
import { users } from './users';

/** Approval records (LE-05): permission to copy, excerpt or export one dossier, once, for a while. */
export const approvals = sqliteTable(
  'approvals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind', { enum: ['export', 'copy', 'excerpt'] }).notNull(),
    granteeId: integer('grantee_id')
      .notNull()
      .references(() => users.id),
    approverId: integer('approver_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    grantedAt: text('granted_at').notNull(),
    validUntil: text('valid_until').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('approvals_dossier_idx').on(t.dossierId, t.granteeId, t.kind)],
);
