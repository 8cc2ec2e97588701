import { z } from 'zod';
import { defaultRoutingRules, routingRulesSchema } from '../approval-routing';
import { defaultIntakeDeadlines, intakeDeadlinesSchema } from '../intake-deadlines';
import { defaultDisposalApprovers, disposalApproversSchema } from '../disposal';
import { inspectionIntervals } from '../inspections';
import { DEFAULT_DOSSIER_LEVEL, defaultLevels, levelScaleSchema } from '../levels';
import { defaultLoanPeriods, loanPeriodsSchema } from '../loan-periods';
import { bilingual } from '../validation';
import { defaultViolationRules, violationRulesSchema } from '../violation-rules';
import { mutation, query, returns } from './define';

/** A subfolder's own name (no path): where filed scans go when they are moved beside the watched folder. */
const FOLDER_NAME = /^(?!\.{1,2}$)[^\\/:*?"<>|]+$/;

/**
 * The scanner's output folder (扫描收件箱): files the scanner writes there appear in the scan inbox
 * once they have stopped changing. A folder on this computer or a network share, given as an
 * absolute path; '' when there is none.
 */
export const scanInboxSchema = z
  .strictObject({
    folder: z.string().trim().max(1000),
    /** After filing, a file is removed from the folder, or moved into `moveTo`. */
    afterFiling: z.enum(['remove', 'move']),
    /** A subfolder's name (made in the watched folder when needed) or another folder's absolute path. */
    moveTo: z.string().trim().max(1000),
    /** Polls the folder instead of being told of changes: for network shares, which tell nothing. */
    polling: z.boolean(),
    /** Seconds a file's size and time must stay unchanged before it counts as written. */
    stableSeconds: z.number().int().min(1).max(120),
  })
  .refine((inbox) => inbox.afterFiling === 'remove' || inbox.moveTo !== '', { path: ['moveTo'], ...bilingual('请填写归档后移入的文件夹', 'Name the folder filed scans are moved into') })
  .refine((inbox) => inbox.moveTo === '' || isAbsolutePath(inbox.moveTo) || FOLDER_NAME.test(inbox.moveTo), {
    path: ['moveTo'],
    ...bilingual('请填写子文件夹名称（不含路径）或另一个文件夹的完整路径', 'Give a subfolder’s name (no path) or another folder’s full path'),
  })
  .refine((inbox) => inbox.folder === '' || isAbsolutePath(inbox.folder), { path: ['folder'], ...bilingual('请填写文件夹的完整路径', 'Give the folder’s full path') });

/** Scheduled backups (BK-01: business data at least weekly, important data at once). */
export const backupSettingSchema = z
  .strictObject({
    /** Where scheduled backups go: a second disk, a removable drive, a network share ('' – none: nothing is scheduled). */
    folder: z.string().trim().max(1000),
    /** Days between scheduled backups: at most a week (BK-01). */
    intervalDays: z.number().int().min(1).max(7),
    /** Backups of this archive kept in the folder; older ones are removed after a good backup. */
    keep: z.number().int().min(1).max(100),
    /** A backup at once after an important event: an import, a change of settings. */
    afterImportantEvents: z.boolean(),
    /** Days between restore drills of the latest backup (monthly by default). */
    drillDays: z.number().int().min(7).max(90),
  })
  .refine((backup) => backup.folder === '' || isAbsolutePath(backup.folder), { path: ['folder'], ...bilingual('请填写文件夹的完整路径', 'Give the folder’s full path') });

/** C:\…, \\server\share, /… – whichever system the core runs on. */
function isAbsolutePath(path: string): boolean {
  return /^(?:[A-Za-z]:[\\/]|\\\\|\/)/.test(path);
}

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
  scanInbox: scanInboxSchema,
  backup: backupSettingSchema,
  /** How often every room is inspected (ST-02: every half-year; ST-05's stricter text: every quarter). */
  inspectionInterval: z.enum(inspectionIntervals),
  /** Who approves a destruction list, in turn (default: the archive head, then the general manager). */
  disposalApprovers: disposalApproversSchema,
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
export type ScanInboxSetting = z.infer<typeof scanInboxSchema>;
export type BackupSetting = z.infer<typeof backupSettingSchema>;
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
  scanInbox: { folder: '', afterFiling: 'remove', moveTo: '已归档', polling: false, stableSeconds: 3 },
  backup: { folder: '', intervalDays: 7, keep: 10, afterImportantEvents: true, drillDays: 30 },
  inspectionInterval: 'half-year',
  disposalApprovers: defaultDisposalApprovers,
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
