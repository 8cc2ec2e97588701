import { eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { departments } from '../schema';

export interface DepartmentRecord {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  parentCode: string | null;
  activeUsers: number;
}

export function insertDepartment(db: Db, department: { code: string; name: string; parentId: number | null; at: string }): number {
  return db
    .insert(departments)
    .values({ code: department.code, name: department.name, parentId: department.parentId, createdAt: department.at, updatedAt: department.at })
    .returning({ id: departments.id })
    .get().id;
}

export function updateDepartment(db: Db, id: number, changes: { name?: string; parentId?: number | null; at: string }): void {
  db.update(departments)
    .set({ ...(changes.name === undefined ? {} : { name: changes.name }), ...(changes.parentId === undefined ? {} : { parentId: changes.parentId }), updatedAt: changes.at })
    .where(eq(departments.id, id))
    .run();
}

export function listDepartments(db: Db): DepartmentRecord[] {
  return db.all<DepartmentRecord>(sql`
    SELECT d.id, d.code, d.name, d.parent_id AS parentId, p.code AS parentCode,
           (SELECT count(*) FROM users u WHERE u.department_id = d.id AND u.status = 'active') AS activeUsers
    FROM departments d LEFT JOIN departments p ON p.id = d.parent_id
    ORDER BY d.code`);
}

export function findDepartmentByCode(db: Db, code: string): DepartmentRecord | null {
  return listDepartments(db).find((d) => d.code === code) ?? null;
}

export function findDepartmentIdByCode(db: Db, code: string): number | null {
  return db.select({ id: departments.id }).from(departments).where(eq(departments.code, code)).get()?.id ?? null;
}

/** A department and all departments below it: the scope of "own department". */
export function departmentSubtree(db: Db, id: number): number[] {
  return db
    .all<{ id: number }>(sql`
      WITH RECURSIVE subtree(id) AS (SELECT ${id} UNION SELECT d.id FROM departments d JOIN subtree s ON d.parent_id = s.id)
      SELECT id FROM subtree`)
    .map((row) => row.id);
}
