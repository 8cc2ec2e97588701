import { z } from 'zod';
import { calendarDaySchema } from '../days';
import { destructionMethods, type AppraisalDecision, type DestructionMethod } from '../disposal';
import type { Retention } from '../dossier-types';
import { retentionSchema } from '../dossier-types';
import type { Role } from '../permissions';
import { currentPasswordSchema, loginSchema, requiredText } from '../schemas';
import type { ExportFile } from './export-file';
import { mutation, query, returns } from './define';

/** Rows of the due list shown at most; the counts per year count them all. */
export const DUE_LIST_MAX = 1000;
/** Dossiers decided in one appraisal, and listed on one destruction list, at most. */
export const DISPOSAL_BATCH_MAX = 500;

export interface AppraisalView {
  decision: AppraisalDecision;
  reason: string;
  committee: string;
  retentionBefore: Retention;
  retentionAfter: Retention | null;
  transferTo: string | null;
  decidedBy: string;
  decidedAt: string;
}

export interface DueDossierView {
  archiveNumber: string;
  title: string;
  level: number;
  status: 'in-archive' | 'on-loan' | 'transferred' | 'destroyed';
  retention: Retention;
  /** The day the period started from (opened, a date field, the last activity). */
  triggerOn: string;
  dueOn: string;
  /** The latest appraisal, if any. */
  appraisal: AppraisalView | null;
  /** Under legal hold: cannot be appraised. */
  held: boolean;
}

export interface RetentionDueView {
  until: string;
  /** Due dossiers by the year their period ended. */
  years: { year: string; count: number }[];
  /** The year shown (null: all, up to DUE_LIST_MAX). */
  year: string | null;
  dossiers: DueDossierView[];
}

export type DestructionListState = 'approving' | 'rejected' | 'approved' | 'carried-out';

export interface DestructionListItemView {
  archiveNumber: string;
  title: string;
  retention: Retention;
  /** The retention period: from its trigger day to the day it ended. */
  periodFrom: string;
  dueOn: string;
  pages: number;
  reason: string;
}

export interface DestructionStepView {
  role: Role;
  decision: { approver: string; decision: 'approve' | 'reject'; comment: string | null; decidedAt: string } | null;
}

export interface DestructionListSummary {
  id: number;
  number: string;
  method: DestructionMethod;
  state: DestructionListState;
  dossiers: number;
  createdBy: string;
  createdAt: string;
  destroyedOn: string | null;
}

export interface DestructionListView extends DestructionListSummary {
  items: DestructionListItemView[];
  steps: DestructionStepView[];
  /** The role whose approval is awaited (state 'approving'). */
  awaiting: Role | null;
  /** Whether the reader may decide the awaited step. */
  mayDecide: boolean;
  destruction: { destroyedOn: string; carriedOutBy: string; carriedOutAt: string; witnesses: string[]; erasedFiles: number } | null;
}

export interface AwaitingListView {
  archiveNumber: string;
  title: string;
  dueOn: string | null;
  reason: string;
  decidedAt: string;
}

const numbersSchema = z.array(z.string().trim().min(1).max(64)).min(1).max(DISPOSAL_BATCH_MAX);
const idSchema = z.number().int().min(1);
const witnessSchema = z.strictObject({ login: loginSchema, password: currentPasswordSchema });

export const appraiseInputSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('destroy'), archiveNumbers: numbersSchema, reason: requiredText({ zh: '鉴定意见', en: 'The reason' }, 200), committee: requiredText({ zh: '鉴定小组', en: 'The committee' }, 200) }),
  z.strictObject({ decision: z.literal('keep'), archiveNumbers: numbersSchema, reason: requiredText({ zh: '鉴定意见', en: 'The reason' }, 200), committee: requiredText({ zh: '鉴定小组', en: 'The committee' }, 200), retention: retentionSchema }),
  z.strictObject({
    decision: z.literal('transfer'),
    archiveNumbers: numbersSchema,
    reason: requiredText({ zh: '鉴定意见', en: 'The reason' }, 200),
    committee: requiredText({ zh: '鉴定小组', en: 'The committee' }, 200),
    transferTo: requiredText({ zh: '接收单位', en: 'The recipient' }, 100),
  }),
]);

export const disposalContract = {
  /** Dossiers whose retention period ends by `until` (default: today), per year; permanent and property dossiers never. */
  'retention:due': query({
    access: 'disposal.manage',
    input: z.strictObject({ until: calendarDaySchema.optional(), year: z.string().regex(/^\d{4}$/).optional() }),
    output: returns<RetentionDueView>(),
  }),
  /** The appraisal committee's decision on due dossiers; held dossiers are refused (LEGAL_HOLD). */
  'appraisal:decide': mutation({
    access: 'disposal.manage',
    input: appraiseInputSchema,
    output: returns<{ decided: number }>(),
  }),
  /** Dossiers decided "destroy" and on no standing list yet. */
  'disposal:awaiting': query({
    access: 'disposal.manage',
    input: z.strictObject({}),
    output: returns<AwaitingListView[]>(),
  }),
  /** Clerks, approvers and auditors see the lists (those whose dossiers their clearance covers). */
  'disposal:list': query({
    access: 'dossier.read',
    input: z.strictObject({}),
    output: returns<DestructionListSummary[]>(),
  }),
  /** Approvers read the list they decide, as do the clerks. */
  'disposal:get': query({
    access: 'dossier.read',
    input: z.strictObject({ id: idSchema }),
    output: returns<DestructionListView>(),
  }),
  /** A new destruction list (销毁清册) of dossiers decided "destroy", to the configured approvers in turn. */
  'disposal:create': mutation({
    access: 'disposal.manage',
    input: z.strictObject({ archiveNumbers: numbersSchema, method: z.enum(destructionMethods) }),
    output: returns<DestructionListView>(),
  }),
  /** The awaited step's decision. */
  'disposal:decide': mutation({
    access: 'approval.grant',
    input: z.strictObject({ id: idSchema, decision: z.enum(['approve', 'reject']), comment: z.string().trim().max(200).optional() }),
    output: returns<DestructionListView>(),
  }),
  /**
   * The destruction carried out, witnessed by two people (监销人) who confirm with their own
   * password: every dossier becomes 已销毁 with the list's number, its scans are erased.
   */
  'disposal:carry-out': mutation({
    access: 'disposal.manage',
    input: z.strictObject({ id: idSchema, destroyedOn: calendarDaySchema, witnesses: z.array(witnessSchema).length(2) }),
    output: returns<DestructionListView>(),
  }),
  /** The destruction list as PDF. */
  'disposal:print': mutation({
    access: 'dossier.read',
    input: z.strictObject({ id: idSchema }),
    output: returns<ExportFile>(),
  }),
};

export type { AppraisalDecision, DestructionMethod };
