import { z } from 'zod';
import { requiredText } from '../schemas';
import { multiLine } from '../plain-text';
import { calendarDaySchema } from '../days';
import type { LoanPeriodLimit } from '../loan-periods';
import type { Outsider, PersonRef } from './approval';
import { archiveNumberSchema } from './dossier';
import { mutation, query, returns } from './define';

/** A drawn signature is a small PNG (a signature pad's strokes), kept with the entry. */
export const SIGNATURE_IMAGE_MAX = 200_000;

/** Both parties sign (IN-, LE-): a typed name, and optionally the drawn signature. */
export const signatureSchema = z.strictObject({
  name: requiredText({ zh: '签名', en: 'The signature name' }, 40),
  image: z
    .string()
    .max(SIGNATURE_IMAGE_MAX, { message: '手写签名图像过大 / The drawn signature is too large' })
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, { message: '手写签名应为 PNG 图像 / A drawn signature is a PNG image' })
    .optional(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const findingIssues = ['missing', 'pages-missing', 'damaged'] as const;
export type FindingIssue = (typeof findingIssues)[number];
export const findingIssueLabels: Record<FindingIssue, { zh: string; en: string }> = {
  missing: { zh: '缺失', en: 'missing' },
  'pages-missing': { zh: '缺页', en: 'pages missing' },
  damaged: { zh: '损坏', en: 'damaged' },
};

/** What the clerk found on return, per document that went out. */
export const findingSchema = z.strictObject({
  documentId: z.number().int().positive(),
  issue: z.enum(findingIssues),
  /** Pages that came back (for pages missing). */
  pagesBack: z.number().int().min(0).max(100_000).optional(),
  note: z.string().trim().max(200).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export type DescribedFinding = Finding & { title: string; pagesOut: number };

export interface LoanDocument {
  id: number;
  title: string;
  pages: number;
}

export type LoanState = 'out' | 'overdue' | 'returned';

/** One entry of the loan register (or the consultation log), with its return when it came back. */
export interface LoanView {
  id: number;
  requestId: number;
  kind: 'loan' | 'consultation';
  archiveNumber: string;
  dossierTitle: string;
  level: number;
  borrower: (PersonRef & { department: { code: string; name: string } | null }) | null;
  outsider: Outsider | null;
  purpose: string;
  handedOutBy: PersonRef;
  handedOutAt: string;
  dueOn: string;
  documents: LoanDocument[];
  pagesOut: number;
  borrowerSignature: { name: string; drawn: boolean };
  returned: {
    at: string;
    receivedBy: PersonRef;
    /** What was found, as the latest correction has it (else as recorded). */
    findings: DescribedFinding[];
    returnerSignature: { name: string; drawn: boolean };
    note: string | null;
    /** What the return itself recorded. */
    recordedFindings: DescribedFinding[];
    /** Corrections of the findings, oldest first (CF-13: the return itself is never changed). */
    corrections: { at: string; by: PersonRef; reason: string; findings: DescribedFinding[] }[];
    /** Closed because another entry took the loan over: renewed by its holder, or passed on. */
    continuedBy: LoanContinuation | null;
  } | null;
  /** The entry this one takes over (a renewal, or the loan passed on to this borrower). */
  continues: LoanContinuation | null;
  state: LoanState;
  /** Calendar days past the due day: until today while out, until the return once back. */
  overdueDays: number;
}

export interface LoanContinuation {
  loanId: number;
  how: 'renewal' | 'pass-on';
}

/** How a continuation reads, in the register and on screen. */
export const continuationLabels: Record<LoanContinuation['how'], { continues: { zh: string; en: string }; continuedBy: { zh: string; en: string } }> = {
  renewal: { continues: { zh: '续借自登记 {id}', en: 'Renews loan {id}' }, continuedBy: { zh: '续借，转入登记 {id}', en: 'Renewed as loan {id}' } },
  'pass-on': { continues: { zh: '由登记 {id} 转借而来', en: 'Passed on from loan {id}' }, continuedBy: { zh: '转借，转入登记 {id}', en: 'Passed on as loan {id}' } },
};

export function continuationText(continuation: LoanContinuation, side: 'continues' | 'continuedBy', language: 'zh' | 'en'): string {
  return continuationLabels[continuation.how][side][language].replace('{id}', String(continuation.loanId));
}

export interface LoanPage {
  loans: LoanView[];
  total: number;
}

/** What the desk needs when a dossier is scanned: the open loan to take back, or the approvals waiting to be handed out, in queue order. */
export interface LoanDesk {
  archiveNumber: string;
  dossierTitle: string;
  level: number;
  status: string;
  openLoan: LoanView | null;
  /** Loan and consultation requests on this dossier not yet handed out: approved or waiting, first come first served. */
  queue: {
    requestId: number;
    position: number;
    state: 'pending' | 'approved';
    kind: 'loan' | 'consultation';
    requester: string;
    /** The requester's login; null for an outsider. With the open loan's borrower, it tells a renewal (续借). */
    requesterLogin: string | null;
    requestedAt: string;
    periodDays: number;
  }[];
}

/** The longest period a loan or consultation of one dossier may be asked for (general, per level or per type: the shortest). */
export interface LoanPeriodLimitView extends LoanPeriodLimit {
  archiveNumber: string;
}

export const loanContract = {
  /** Hands out the dossier (or the documents asked for) against an approved request; the receiver signs. */
  'loan:checkout': mutation({
    access: 'register.keep',
    input: z.strictObject({
      requestId: z.number().int().positive(),
      signature: signatureSchema,
      /** While the dossier is out: the holder passes it on (转借) and signs for handing it over. */
      handedOverBy: signatureSchema.optional(),
      note: multiLine(z.string().trim().max(500)).optional(),
    }),
    output: returns<LoanView>(),
  }),
  /** Takes it back: what came back is checked against what went out; findings recorded; both sign; the entry is cancelled. */
  'loan:return': mutation({
    access: 'register.keep',
    input: z.strictObject({
      loanId: z.number().int().positive(),
      findings: z.array(findingSchema).max(500).default([]),
      signature: signatureSchema,
      note: multiLine(z.string().trim().max(500)).optional(),
    }),
    output: returns<LoanView>(),
  }),
  /** Corrects a return's findings by a new entry referring to it; the return itself stays as written. */
  'loan:correct-return': mutation({
    access: 'register.keep',
    input: z.strictObject({
      loanId: z.number().int().positive(),
      findings: z.array(findingSchema).max(500),
      reason: multiLine(requiredText({ zh: '更正原因', en: 'The reason for the correction' }, 500)),
    }),
    output: returns<LoanView>(),
  }),
  'loan:list': query({
    access: 'dossier.read',
    input: z.strictObject({
      state: z.enum(['open', 'overdue', 'returned', 'all']).default('all'),
      kind: z.enum(['loan', 'consultation']).optional(),
      archiveNumber: archiveNumberSchema.optional(),
      /** Handed out on or after / on or before these days. */
      from: calendarDaySchema.optional(),
      to: calendarDaySchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: returns<LoanPage>(),
  }),
  'loan:get': query({
    access: 'dossier.read',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: returns<LoanView>(),
  }),
  /** The desk's view of one dossier, by its archive number as typed or scanned. */
  'loan:desk': query({
    access: 'register.keep',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<LoanDesk>(),
  }),
  /** What a request dialog offers as the longest period for this dossier. */
  'loan:period-limit': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<LoanPeriodLimitView>(),
  }),
};
