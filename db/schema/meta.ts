import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about the archive itself (id, creation time, creating build). */
export const archiveMeta = sqliteTable('archive_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Settings as JSON values, validated by the settings schema in shared/. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
