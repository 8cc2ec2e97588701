import { asc, count, eq } from 'drizzle-orm';
import type { Role } from '../../shared/permissions';
import type { Db } from '../open';
import { userRoles, users } from '../schema';

export interface UserRecord {
  id: number;
  login: string;
  displayName: string;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  keySlotMac: string | null;
  roles: Role[];
  createdAt: string;
}

export interface NewUser {
  login: string;
  displayName: string;
  roles: readonly Role[];
  mustChangePassword: boolean;
  createdAt: string;
}

export function insertUser(db: Db, user: NewUser): number {
  const { id } = db
    .insert(users)
    .values({
      login: user.login,
      displayName: user.displayName,
      mustChangePassword: user.mustChangePassword,
      createdAt: user.createdAt,
      updatedAt: user.createdAt,
    })
    .returning({ id: users.id })
    .get();
  db.insert(userRoles)
    .values(user.roles.map((role) => ({ userId: id, role })))
    .run();
  return id;
}

export function findUserByLogin(db: Db, login: string): UserRecord | null {
  const row = db.select().from(users).where(eq(users.login, login)).get();
  return row ? withRoles(db, row) : null;
}

export function findUserById(db: Db, id: number): UserRecord | null {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  return row ? withRoles(db, row) : null;
}

export function listUsers(db: Db): UserRecord[] {
  const roleRows = db.select().from(userRoles).all();
  return db
    .select()
    .from(users)
    .orderBy(asc(users.id))
    .all()
    .map((row) => toRecord(row, roleRows.filter((r) => r.userId === row.id).map((r) => r.role as Role)));
}

export function setKeySlotMac(db: Db, userId: number, mac: string, at: string): void {
  db.update(users).set({ keySlotMac: mac, updatedAt: at }).where(eq(users.id, userId)).run();
}

export function countUsers(db: Db): { all: number; active: number } {
  const all = db.select({ n: count() }).from(users).get()?.n ?? 0;
  const active = db.select({ n: count() }).from(users).where(eq(users.status, 'active')).get()?.n ?? 0;
  return { all, active };
}

function withRoles(db: Db, row: typeof users.$inferSelect): UserRecord {
  const roles = db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, row.id))
    .all()
    .map((r) => r.role as Role);
  return toRecord(row, roles);
}

function toRecord(row: typeof users.$inferSelect, roles: Role[]): UserRecord {
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    status: row.status,
    mustChangePassword: row.mustChangePassword,
    keySlotMac: row.keySlotMac,
    roles: roles.sort(),
    createdAt: row.createdAt,
  };
}
