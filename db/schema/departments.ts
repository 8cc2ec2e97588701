import { integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Departments (部门), optionally nested: a department's scope includes its sub-departments. */
export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Upper-case code, unique (e.g. XSB); used by the CLI and imports. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: integer('parent_id').references((): AnySQLiteColumn => departments.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
