import type { Settings, SystemSettings } from '../../../../../shared/contract';

type LoanKeys = 'loanMaxDays' | 'blockBorrowingWhenOverdue' | 'loanPeriods' | 'overdueNotices';

/** The loan section's form: a level or type left empty has no period of its own. */
export interface LoanForm extends Omit<Pick<SystemSettings, LoanKeys>, 'loanPeriods'> {
  loanPeriods: { byLevel: Record<string, number | null | undefined>; byType: Record<string, number | null | undefined> };
}

export const toLoanForm = (settings: Settings): LoanForm => ({
  loanMaxDays: settings.loanMaxDays,
  blockBorrowingWhenOverdue: settings.blockBorrowingWhenOverdue,
  loanPeriods: settings.loanPeriods,
  overdueNotices: settings.overdueNotices,
});

const given = (periods: Record<string, number | null | undefined>, keep: (key: string) => boolean): Record<string, number> =>
  Object.fromEntries(Object.entries(periods).flatMap(([key, days]) => (typeof days === 'number' && keep(key) ? [[key, days] as const] : [])));

/** The settings the form makes. A period of a level the scale no longer has (it was cut) applies to nothing and is dropped. */
export function fromLoanForm(values: LoanForm, levelCount: number): Pick<SystemSettings, LoanKeys> {
  return {
    loanMaxDays: values.loanMaxDays,
    blockBorrowingWhenOverdue: values.blockBorrowingWhenOverdue,
    loanPeriods: { byLevel: given(values.loanPeriods.byLevel, (rank) => Number(rank) < levelCount), byType: given(values.loanPeriods.byType, () => true) },
    overdueNotices: values.overdueNotices,
  };
}
