import { z } from 'zod';
import { defaultRoutingRules, routingRulesSchema } from '../approval-routing';
import { defaultIntakeDeadlines, intakeDeadlinesSchema } from '../intake-deadlines';
import { DEFAULT_DOSSIER_LEVEL, defaultLevels, levelScaleSchema } from '../levels';
import { defaultLoanPeriods, loanPeriodsSchema } from '../loan-periods';
import { bilingual } from '../validation';
import { defaultViolationRules, violationRulesSchema } from '../violation-rules';
import { mutation, query, returns } from './define';

/** System settings (the system administrator's). */
export const systemSettingsSchema = z.strictObject({
  /** Minutes without activity after which the session locks and the key leaves memory. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** The company's name, printed at the head of every register; '' prints the register's name alone. */
  companyName: z.string().trim().max(60, bilingual('公司名称最多 60 个字', 'The company name has at most 60 characters')),
  /** Who approves which request: rules as data (defaults LE-02/LE-03/LE-15/LE-10). */
  approvalRouting: routingRulesSchema,
  /** Days an approval may wait to be used after its last decision – for a loan or consultation, once the dossier is there for it. */
  approvalValidDays: z.number().int().min(1).max(90),
  /** The longest loan or consultation period that may be asked for, in days (LE: 3; one company: 1). */
  loanMaxDays: z.number().int().min(1).max(90),
  /** Shorter periods per level (rank → days) and per dossier type (key → days): the shortest that applies. */
  loanPeriods: loanPeriodsSchema,
  /** A borrower holding an overdue loan may not take out another until it is back. */
  blockBorrowingWhenOverdue: z.boolean(),
  /** Notices: a reminder this many days before the due day; escalation after so many working days overdue. */
  overdueNotices: z
    .strictObject({
      reminderDaysBefore: z.number().int().min(0).max(10),
      managerAfterWorkdays: z.number().int().min(1).max(30),
      headAfterWorkdays: z.number().int().min(1).max(60),
    })
    .refine((n) => n.headAfterWorkdays >= n.managerAfterWorkdays, { path: ['headAfterWorkdays'], ...bilingual('报告档案室主任的期限不能早于报告部门经理', 'The archive head is told no earlier than the manager') }),
  /** Hand-over deadlines per dossier type key: working days after the type's trigger date (IN-02…IN-13). */
  intakeDeadlines: intakeDeadlinesSchema,
  /** The violation ledger's rules and escalation (PN-01…PN-08), read from the registers by the KPI service. */
  violationRules: violationRulesSchema,
  /** The largest scan that may be filed, in MB (a staged scan is at most 256 MB). */
  scanMaxMegabytes: z.number().int().min(1).max(256),
});

/** Security policy (the security administrator's, or the administrator's without separation). */
export const securityPolicySchema = z.strictObject({
  passwordMinLength: z.number().int().min(8).max(64),
  /** Wrong passwords in a row that lock an account … */
  lockoutAttempts: z.number().int().min(3).max(20),
  /** … for this many minutes. */
  lockoutMinutes: z.number().int().min(1).max(1440),
  levels: levelScaleSchema,
  levelLabelling: z.enum(['name', 'grade']),
  /** Rank of the level new customer dossiers get unless chosen otherwise (内部). */
  defaultDossierLevel: z.number().int().min(0).max(8),
});

export type SystemSettings = z.infer<typeof systemSettingsSchema>;
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export interface Settings extends SystemSettings, SecurityPolicy {
  /** 三员分立: changed only through security:enable-separation / security:disable-separation. */
  threeRoleSeparation: boolean;
}

export const defaultSettings: Settings = {
  idleLockMinutes: 15,
  companyName: '',
  approvalRouting: defaultRoutingRules,
  approvalValidDays: 7,
  loanMaxDays: 3,
  loanPeriods: defaultLoanPeriods,
  blockBorrowingWhenOverdue: true,
  overdueNotices: { reminderDaysBefore: 1, managerAfterWorkdays: 1, headAfterWorkdays: 3 },
  intakeDeadlines: defaultIntakeDeadlines,
  violationRules: defaultViolationRules,
  scanMaxMegabytes: 200,
  passwordMinLength: 8,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  levels: defaultLevels,
  levelLabelling: 'name',
  defaultDossierLevel: DEFAULT_DOSSIER_LEVEL,
  threeRoleSeparation: false,
};

export const settingsContract = {
  /** Everything a signed-in screen needs to label and check (levels, policy); no secrets. */
  'settings:get': query({
    access: 'session',
    input: z.strictObject({}),
    output: returns<Settings>(),
  }),
  'settings:update': mutation({
    access: 'settings.manage',
    input: systemSettingsSchema.partial(),
    output: returns<Settings>(),
  }),
};
