import { z } from 'zod';
import { authorities, requestKinds, type Authority, type RequestKind, type RouteStep } from '../approval-routing';
import { loginSchema, requiredText } from '../schemas';
import type { Role } from '../permissions';
import { multiLine } from '../plain-text';
import { archiveNumberSchema } from './dossier';
import { mutation, query, returns } from './define';

export { requestKindLabels, requestKinds, type RequestKind } from '../approval-routing';

const optionalText = (max: number) => z.string().trim().max(max).optional();
const remarkText = (max: number) => multiLine(z.string().trim().max(max)).optional();

/** An outsider asking (LE-10): who, from where, on what authority. */
export const outsiderSchema = z.strictObject({
  name: requiredText({ zh: '姓名', en: 'The name' }, 40),
  organisation: requiredText({ zh: '单位', en: 'The organisation' }, 80),
  /** ID card or work-ID number. */
  idNumber: requiredText({ zh: '证件号（身份证或工作证）', en: 'The ID or work-ID number' }, 40),
  letterNumber: optionalText(40),
  authority: z.enum(authorities).optional(),
  /** The number of the assistance notice (协助查询通知书) police, procuratorate or court staff bring. */
  assistanceNotice: optionalText(40),
});
export type Outsider = z.infer<typeof outsiderSchema>;

export type RequestState = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'used' | 'expired';

export interface PersonRef {
  login: string;
  displayName: string;
}

export interface RouteStepView extends RouteStep {
  /** The department whose managers decide, when the step is bound to one. */
  department: { code: string; name: string } | null;
  decision: { approver: PersonRef; decision: 'approve' | 'reject'; comment: string | null; decidedAt: string } | null;
}

/** Where a loan or consultation under way stands in its dossier's queue, first come, first served. */
export interface QueuePlace {
  /** 1: next to be handed the dossier. */
  position: number;
  /** How many requests are in the queue. */
  of: number;
  /** The day the dossier is due back while it is out (the holder's loan), else null. */
  dueBack: string | null;
}

/** One entry of the approval register. */
export interface ApprovalRequestView {
  id: number;
  archiveNumber: string;
  dossierTitle: string;
  level: number;
  kind: RequestKind;
  requester: (PersonRef & { department: { code: string; name: string } | null }) | null;
  outsider: Outsider | null;
  registeredBy: PersonRef;
  purpose: string;
  reason: string | null;
  documents: { id: number; title: string }[] | null;
  copies: number | null;
  periodDays: number | null;
  route: RouteStepView[];
  requestedAt: string;
  state: RequestState;
  decidedAt: string | null;
  /**
   * Until when an approval may be used. Null while an approved loan or consultation waits for the
   * dossier (out, or another approval first in the queue): its days run once the dossier is there for it.
   */
  validUntil: string | null;
  usedAt: string | null;
  /** Whether the signed-in user may decide the step now open. */
  mayDecide: boolean;
  /** A loan's or consultation's place in the dossier's queue while it waits or is approved; null otherwise. */
  queue: QueuePlace | null;
}

export interface ApprovalPage {
  requests: ApprovalRequestView[];
  total: number;
}

const purposeSchema = requiredText({ zh: '用途', en: 'The purpose' }, 200);

export const approvalContract = {
  /**
   * A request to consult, borrow, copy, excerpt or export one dossier. For oneself, or – by an
   * archive clerk – registered for another user or an outsider who asked in writing.
   */
  'approval:request': mutation({
    access: 'dossier.read',
    input: z
      .strictObject({
        archiveNumber: archiveNumberSchema,
        kind: z.enum(requestKinds),
        purpose: purposeSchema,
        reason: remarkText(500),
        /** Listed documents by id; absent: the whole dossier. */
        documentIds: z.array(z.number().int().positive()).min(1).max(200).optional(),
        copies: z.number().int().min(1).max(99).optional(),
        /** Days asked for (loan, consultation). */
        days: z.number().int().min(1).max(90).optional(),
        /** Registered for this user (archive clerks). */
        requester: loginSchema.optional(),
        /** Registered for an outsider (archive clerks). */
        outsider: outsiderSchema.optional(),
      })
      .refine((input) => !(input.requester && input.outsider), { path: ['outsider'], message: '申请人为本单位用户或外单位人员，二者择一 / Either a user or an outsider asks, not both' }),
    output: returns<ApprovalRequestView>(),
  }),
  /** An approver's decision on the step now open; a rejection needs a comment. */
  'approval:decide': mutation({
    access: 'approval.grant',
    input: z
      .strictObject({
        id: z.number().int().positive(),
        decision: z.enum(['approve', 'reject']),
        comment: remarkText(500),
      })
      .refine((input) => input.decision === 'approve' || (input.comment ?? '') !== '', { path: ['comment'], message: '驳回须填写意见 / A rejection needs a comment' }),
    output: returns<ApprovalRequestView>(),
  }),
  /**
   * The archive clerk records that an approved copy or excerpt was made (复制/摘抄已办理): the
   * approval is used up, once. Exports and loans use theirs themselves.
   */
  'approval:record-use': mutation({
    access: 'register.keep',
    input: z.strictObject({ id: z.number().int().positive(), note: remarkText(200) }),
    output: returns<ApprovalRequestView>(),
  }),
  /** The requester (or whoever registered it) takes back a request still waiting. */
  'approval:withdraw': mutation({
    access: 'dossier.read',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: returns<ApprovalRequestView>(),
  }),
  'approval:get': query({
    access: 'dossier.read',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: returns<ApprovalRequestView>(),
  }),
  /** The requests on one dossier (what the dossier page shows). */
  'approval:list': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<ApprovalRequestView[]>(),
  }),
  /** Requests waiting for the signed-in user's decision (the approver's inbox). */
  'approval:inbox': query({
    access: 'approval.grant',
    input: z.strictObject({}),
    output: returns<ApprovalRequestView[]>(),
  }),
  /** The signed-in user's own requests and those they registered, newest first. */
  'approval:mine': query({
    access: 'dossier.read',
    input: z.strictObject({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }),
    output: returns<ApprovalPage>(),
  }),
};

export type { Authority, Role };
