import { z } from 'zod';
import { bilingual } from './validation';

const days = z.number().int().min(1, bilingual('期限至少 1 天', 'A period is at least 1 day')).max(90, bilingual('期限最多 90 天', 'A period is at most 90 days'));

/**
 * Shorter loan and consultation periods for some confidentiality levels (by rank, e.g. "2": 秘密)
 * and some dossier types (by type key), on top of the general longest period (`loanMaxDays`, LE:
 * 3 days; one company: 1 day). The shortest that applies to a dossier is the longest it may be asked for.
 */
export const loanPeriodsSchema = z.strictObject({
  byLevel: z.record(z.string().regex(/^[0-8]$/, bilingual('密级应为级别序号 0–8', 'A level is given by its rank, 0–8')), days),
  byType: z.record(z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, bilingual('档案类型标识只能用小写字母、数字和连字符', 'Type ids use lower-case letters, digits and hyphens')), days),
});
export type LoanPeriods = z.infer<typeof loanPeriodsSchema>;

export const defaultLoanPeriods: LoanPeriods = { byLevel: {}, byType: {} };

/** The longest period a loan or consultation of one dossier may be asked for, and which rule sets it. */
export interface LoanPeriodLimit {
  maxDays: number;
  limitedBy: 'general' | 'level' | 'type';
}

export function loanPeriodLimit(settings: { loanMaxDays: number; loanPeriods: LoanPeriods }, dossier: { level: number; typeKey: string | null }): LoanPeriodLimit {
  const candidates: LoanPeriodLimit[] = [{ maxDays: settings.loanMaxDays, limitedBy: 'general' }];
  const byLevel = settings.loanPeriods.byLevel[String(dossier.level)];
  if (byLevel !== undefined) candidates.push({ maxDays: byLevel, limitedBy: 'level' });
  const byType = dossier.typeKey === null ? undefined : settings.loanPeriods.byType[dossier.typeKey];
  if (byType !== undefined) candidates.push({ maxDays: byType, limitedBy: 'type' });
  return candidates.reduce((shortest, next) => (next.maxDays < shortest.maxDays ? next : shortest));
}
