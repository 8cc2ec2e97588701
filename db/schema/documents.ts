import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossiers } from './dossiers';
import { users } from './users';

/** Documents inside a dossier (卷内文件), in order within their group. */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The checklist item this document fulfils, or null for a free document. */
    checklistItem: text('checklist_item'),
    title: text('title').notNull(),
    docDate: text('doc_date'),
    form: text('form', { enum: ['original', 'copy'] }).notNull(),
    pages: integer('pages').notNull().default(1),
    groupKey: text('group_key'),
    /** Sequence number within the group (1, 2, 3 …). */
    position: integer('position').notNull(),
    /** Confidentiality level of the document; the dossier's level is never lower than its documents'. */
    level: integer('level').notNull(),
    remarks: text('remarks'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('documents_dossier_idx').on(t.dossierId, t.groupKey, t.position)],
);
