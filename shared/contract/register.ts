import { z } from 'zod';
import { calendarDaySchema } from '../days';
import type { ExportFile } from './export-file';
import { mutation, returns } from './define';

/** The registers auditors print (issue: intake book, consultation log, loan register, approval records, KPI and violation reports). */
export const registerKinds = ['intake', 'consultations', 'loans', 'approvals', 'kpi', 'violations'] as const;
export type RegisterKind = (typeof registerKinds)[number];

export const registerKindLabels: Record<RegisterKind, { zh: string; en: string }> = {
  intake: { zh: '档案签收簿', en: 'Intake book' },
  consultations: { zh: '档案查阅登记簿', en: 'Consultation log' },
  loans: { zh: '档案外借登记册', en: 'Loan register' },
  approvals: { zh: '档案利用审批记录', en: 'Approval records' },
  kpi: { zh: '档案考核指标统计表', en: 'KPI report' },
  violations: { zh: '违规处罚登记表', en: 'Violation report' },
};

/** Registers cover at most this many days at once (a year and a bit: an annual audit with its margins). */
export const REGISTER_PERIOD_MAX_DAYS = 400;

export const registerContract = {
  /** A register for a period as PDF or .xlsx; recorded with its period, filters and size. */
  'register:export': mutation({
    access: 'dossier.read',
    input: z
      .strictObject({
        kind: z.enum(registerKinds),
        from: calendarDaySchema,
        to: calendarDaySchema,
        format: z.enum(['pdf', 'xlsx']),
        /** Only entries of this department's dossiers (its code). */
        department: z.string().trim().toUpperCase().max(16).optional(),
      })
      .refine((input) => input.from <= input.to, { path: ['to'], message: '结束日期不能早于开始日期 / The end cannot be before the start' })
      .refine((input) => Date.parse(input.to) - Date.parse(input.from) <= REGISTER_PERIOD_MAX_DAYS * 86_400_000, {
        path: ['to'],
        message: `一次最多导出 ${REGISTER_PERIOD_MAX_DAYS} 天 / At most ${REGISTER_PERIOD_MAX_DAYS} days at once`,
      }),
    output: returns<ExportFile>(),
  }),
};
