import { z } from 'zod';
import type { ApprovalRequestView } from './approval';
import type { IntakeView, ShortageView } from './intake';
import type { LoanView } from './loan';
import { query, returns } from './define';

export interface WorkbenchList<T> {
  items: T[];
  /** How many there are in all (the list shows the first few). */
  total: number;
}

/**
 * The clerk's and approver's home screen (工作台): what waits for them, each a click from the
 * action. A section is absent when the user's rights do not reach it.
 */
export interface Workbench {
  today: string;
  /** Requests waiting for my decision. */
  toDecide: WorkbenchList<ApprovalRequestView> | null;
  /** My own requests still waiting or approved and not yet used. */
  myRequests: WorkbenchList<ApprovalRequestView>;
  /** Loans due back today, and overdue – all of them for those who keep or read the registers, else one's own. */
  dueToday: WorkbenchList<LoanView>;
  overdue: WorkbenchList<LoanView>;
  /** Hand-overs recorded after their deadline in the last 30 days. */
  lateIntakes: WorkbenchList<IntakeView> | null;
  /** Shortages still open, the longest open first. */
  shortages: WorkbenchList<ShortageView> | null;
  /** Intakes of the last seven days. */
  recentIntakes: WorkbenchList<IntakeView> | null;
}

/** How many entries each section shows. */
export const WORKBENCH_SHOWN = 8;

export const workbenchContract = {
  'workbench:get': query({
    access: 'session',
    input: z.strictObject({}),
    output: returns<Workbench>(),
  }),
};
