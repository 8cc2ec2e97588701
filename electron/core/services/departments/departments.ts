import { departmentSubtree, findDepartmentByCode, insertDepartment, listDepartments, updateDepartment, type DepartmentRecord } from '../../../../db/repositories/departments';
import type { Db } from '../../../../db/open';
import type { DepartmentSummary } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';

export function toDepartmentSummary(record: DepartmentRecord): DepartmentSummary {
  return { id: record.id, code: record.code, name: record.name, parentCode: record.parentCode, activeUsers: record.activeUsers };
}

export function requireDepartment(db: Db, code: string): DepartmentRecord {
  const department = findDepartmentByCode(db, code);
  if (!department) throw new AppError('NOT_FOUND', { zh: `没有代码为 ${code} 的部门`, en: `There is no department with code ${code}` });
  return department;
}

export function createDepartment(ctx: HandlerContext, input: { code: string; name: string; parentCode?: string | null | undefined }): DepartmentSummary {
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      if (findDepartmentByCode(db, input.code)) {
        throw new AppError('CONFLICT', { zh: `部门代码 ${input.code} 已存在`, en: `The department code ${input.code} already exists` });
      }
      const parentId = input.parentCode ? requireDepartment(db, input.parentCode).id : null;
      insertDepartment(db, { code: input.code, name: input.name, parentId, at });
      return toDepartmentSummary(requireDepartment(db, input.code));
    },
    (d) => ({ action: 'department:create', target: { type: 'department', id: d.id, label: d.code }, summary: { name: d.name, parent: d.parentCode } }),
  );
}

export function updateDepartmentDetails(ctx: HandlerContext, input: { code: string; name?: string | undefined; parentCode?: string | null | undefined }): DepartmentSummary {
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const before = requireDepartment(db, input.code);
      let parentId: number | null | undefined;
      if (input.parentCode !== undefined) {
        parentId = input.parentCode === null ? null : requireDepartment(db, input.parentCode).id;
        if (parentId !== null && departmentSubtree(db, before.id).includes(parentId)) {
          throw new AppError('VALIDATION', { zh: '上级部门不能是它自己或它的下级部门', en: 'A department cannot sit below itself or one of its sub-departments' });
        }
      }
      updateDepartment(db, before.id, { ...(input.name === undefined ? {} : { name: input.name }), ...(parentId === undefined ? {} : { parentId }), at });
      return { before: toDepartmentSummary(before), after: toDepartmentSummary(requireDepartment(db, input.code)) };
    },
    ({ before, after }) => ({
      action: 'department:update',
      target: { type: 'department', id: after.id, label: after.code },
      summary: { before: { name: before.name, parent: before.parentCode }, after: { name: after.name, parent: after.parentCode } },
    }),
  ).after;
}

export function departmentList(db: Db): DepartmentSummary[] {
  return listDepartments(db).map(toDepartmentSummary);
}
