import type { loanContract, noticeContract } from '../../../shared/contract';
import { checkoutLoan } from '../services/loans/checkout';
import { correctReturn } from '../services/loans/correct-return';
import { loanPeriodLimitView } from '../services/loans/loan-period';
import { loanDesk, loanEntry, loanRegister } from '../services/loans/loan-queries';
import { returnLoan } from '../services/loans/return-loan';
import { checkNotices, readNotices } from '../services/notices/notices';
import type { HandlersFor } from './types';

export const loanHandlers: HandlersFor<typeof loanContract> = {
  'loan:checkout': (ctx, input) => checkoutLoan(ctx, input),
  'loan:return': (ctx, input) => returnLoan(ctx, input),
  'loan:correct-return': (ctx, input) => correctReturn(ctx, input),
  'loan:list': (ctx, input) => loanRegister(ctx, input),
  'loan:get': (ctx, input) => loanEntry(ctx, input.id),
  'loan:desk': (ctx, input) => loanDesk(ctx, input.archiveNumber),
  'loan:period-limit': (ctx, input) => loanPeriodLimitView(ctx, input.archiveNumber),
};

export const noticeHandlers: HandlersFor<typeof noticeContract> = {
  'notice:check': (ctx) => checkNotices(ctx),
  'notice:read': (ctx, input) => readNotices(ctx, input.ids),
};
