import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossierLinkRelations } from '../../shared/dossier-links';
import { dossiers } from './dossiers';
import { users } from './users';

/**
 * Cross-references between dossiers (参见, XR-01…05, XR-12): read from both sides. For a
 * relation with a direction (litigation, rental → sale, copy → original, sales → service) the
 * dossier is the first of the pair and `other` the second.
 */
export const dossierLinks = sqliteTable(
  'dossier_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    otherId: integer('other_id')
      .notNull()
      .references(() => dossiers.id),
    relation: text('relation', { enum: dossierLinkRelations }).notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('dossier_links_dossier_idx').on(t.dossierId), index('dossier_links_other_idx').on(t.otherId)],
);
