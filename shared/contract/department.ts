import { z } from 'zod';
import { requiredText } from '../schemas';
import { bilingual } from '../validation';
import { mutation, query, returns } from './define';

export interface DepartmentSummary {
  id: number;
  code: string;
  name: string;
  parentCode: string | null;
  activeUsers: number;
}

export const departmentCodeSchema = z
  .string()
  .trim()
  .min(1, bilingual('部门代码不能为空', 'The department code must not be empty'))
  .max(16, bilingual('部门代码不能超过 16 个字符', 'The department code must not exceed 16 characters'))
  .regex(/^[A-Za-z0-9_-]+$/, bilingual('部门代码只能包含字母、数字、下划线和连字符', 'The department code may hold letters, digits, underscore and hyphen only'))
  .toUpperCase();

const departmentNameSchema = requiredText({ zh: '部门名称', en: 'The department name' }, 32);

export const departmentContract = {
  'department:list': query({
    access: 'session',
    input: z.strictObject({}),
    output: returns<DepartmentSummary[]>(),
  }),
  'department:create': mutation({
    access: 'org.manage',
    input: z.strictObject({ code: departmentCodeSchema, name: departmentNameSchema, parentCode: departmentCodeSchema.nullable().optional() }),
    output: returns<DepartmentSummary>(),
  }),
  'department:update': mutation({
    access: 'org.manage',
    input: z.strictObject({ code: departmentCodeSchema, name: departmentNameSchema.optional(), parentCode: departmentCodeSchema.nullable().optional() }),
    output: returns<DepartmentSummary>(),
  }),
};
