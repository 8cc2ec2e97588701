import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { departments } from './departments';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Normalised login (see normalizeLogin); unique. */
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  departmentId: integer('department_id').references(() => departments.id),
  /** Rank on the confidentiality scale: the highest level the user may see. */
  clearance: integer('clearance').notNull().default(0),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** HMAC of this user's key slot under a key derived from the data key: `verify` detects a swapped or altered slot. */
  keySlotMac: text('key_slot_mac'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);
