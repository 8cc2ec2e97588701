import type { departmentContract } from '../../../shared/contract';
import { createDepartment, departmentList, updateDepartmentDetails } from '../services/departments/departments';
import type { HandlersFor } from './types';

export const departmentHandlers: HandlersFor<typeof departmentContract> = {
  'department:list': (ctx) => departmentList(ctx.session().archive.database.db),
  'department:create': (ctx, input) => createDepartment(ctx, input),
  'department:update': (ctx, input) => updateDepartmentDetails(ctx, input),
};
