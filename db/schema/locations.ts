import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { locationKinds } from '../../shared/locations';
import { users } from './users';

/**
 * Where paper dossiers stand: room → cabinet → shelf → box/position, each with a code. Within
 * its parent a place has a position: shelving runs left to right, top to bottom.
 */
export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => locations.id),
    kind: text('kind', { enum: locationKinds }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('locations_parent_code_idx').on(t.parentId, t.code), index('locations_parent_idx').on(t.parentId, t.position)],
);
