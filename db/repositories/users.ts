import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../shared/permissions';
import type { Db } from '../open';
import { departments, userRoles, users } from '../schema';

export interface UserRecord {
  id: number;
  login: string;
  displayName: string;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  keySlotMac: string | null;
  roles: Role[];
  departmentId: number | null;
  department: { code: string; name: string } | null;
  clearance: number;
  createdAt: string;
}

export interface NewUser {
  login: string;
  displayName: string;
  roles: readonly Role[];
  departmentId: number;
  clearance: number;
  mustChangePassword: boolean;
  createdAt: string;
}

export function insertUser(db: Db, user: NewUser): number {
  const { id } = db
    .insert(users)
    .values({
      login: user.login,
      displayName: user.displayName,
      departmentId: user.departmentId,
      clearance: user.clearance,
      mustChangePassword: user.mustChangePassword,
      createdAt: user.createdAt,
      updatedAt: user.createdAt,
    })
    .returning({ id: users.id })
    .get();
  setUserRoles(db, id, user.roles);
  return id;
}

export function setUserRoles(db: Db, userId: number, roles: readonly Role[]): void {
  db.delete(userRoles).where(eq(userRoles.userId, userId)).run();
  db.insert(userRoles)
    .values([...new Set(roles)].map((role) => ({ userId, role })))
    .run();
}

export interface UserChanges {
  displayName?: string;
  departmentId?: number;
  clearance?: number;
  status?: 'active' | 'disabled';
  mustChangePassword?: boolean;
  keySlotMac?: string | null;
}

export function updateUser(db: Db, userId: number, changes: UserChanges, at: string): void {
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  db.update(users)
    .set({ ...set, updatedAt: at })
    .where(eq(users.id, userId))
    .run();
}

export function findUserByLogin(db: Db, login: string): UserRecord | null {
  return selectUsers(db, eq(users.login, login))[0] ?? null;
}

export function findUserById(db: Db, id: number): UserRecord | null {
  return selectUsers(db, eq(users.id, id))[0] ?? null;
}

export function listUsers(db: Db): UserRecord[] {
  return selectUsers(db);
}

export function setKeySlotMac(db: Db, userId: number, mac: string | null, at: string): void {
  updateUser(db, userId, { keySlotMac: mac }, at);
}

export function countUsers(db: Db): { all: number; active: number } {
  const all = db.select({ n: count() }).from(users).get()?.n ?? 0;
  const active = db.select({ n: count() }).from(users).where(eq(users.status, 'active')).get()?.n ?? 0;
  return { all, active };
}

/** Active users holding any of these roles. */
export function activeUsersWithRole(db: Db, roles: readonly Role[]): number[] {
  return db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.status, 'active'), inArray(userRoles.role, [...roles])))
    .all()
    .map((row) => row.id);
}

/** The highest clearance held by anyone: a scale may not shrink below it. */
export function highestClearance(db: Db): number {
  return db.get<{ n: number | null }>(sql`SELECT max(clearance) AS n FROM users`)?.n ?? 0;
}

function selectUsers(db: Db, where?: ReturnType<typeof eq>): UserRecord[] {
  const rows = db
    .select({ user: users, department: { code: departments.code, name: departments.name } })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(where)
    .orderBy(asc(users.id))
    .all();
  if (rows.length === 0) return [];
  const roleRows = db
    .select()
    .from(userRoles)
    .where(
      inArray(
        userRoles.userId,
        rows.map((r) => r.user.id),
      ),
    )
    .all();
  return rows.map(({ user, department }) => ({
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
    keySlotMac: user.keySlotMac,
    roles: roleRows
      .filter((r) => r.userId === user.id)
      .map((r) => r.role as Role)
      .sort(),
    departmentId: user.departmentId,
    department: department?.code ? { code: department.code, name: department.name } : null,
    clearance: user.clearance,
    createdAt: user.createdAt,
  }));
}

/**
 * The user with this login, found by reading the users table itself rather than its login index –
 * for signing in to repair that index when it is damaged.
 */
export function findUserByLoginWithoutIndex(db: Db, login: string): UserRecord | null {
  const row = db.get<{ id: number } | undefined>(sql`SELECT id FROM users NOT INDEXED WHERE login = ${login}`);
  return row ? findUserById(db, row.id) : null;
}
