import { z } from 'zod';
import { loginSchema, requiredText } from '../schemas';
import { archiveNumberSchema } from './dossier';
import { mutation, query, returns } from './define';

export const approvalKinds = ['export', 'copy', 'excerpt'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];

export const approvalKindLabels: Record<ApprovalKind, { zh: string; en: string }> = {
  export: { zh: '导出', en: 'Export' },
  copy: { zh: '复制', en: 'Copy' },
  excerpt: { zh: '摘抄', en: 'Excerpt' },
};

/**
 * An approval record (LE-05): someone may copy, excerpt or export one dossier, once, within a
 * validity period. The request-and-approve workflow builds on this record.
 */
export interface ApprovalSummary {
  id: number;
  archiveNumber: string;
  kind: ApprovalKind;
  grantee: { login: string; displayName: string };
  approver: { login: string; displayName: string };
  reason: string;
  grantedAt: string;
  validUntil: string;
  usedAt: string | null;
}

export const approvalContract = {
  'approval:grant': mutation({
    access: 'approval.grant',
    input: z.strictObject({
      archiveNumber: archiveNumberSchema,
      kind: z.enum(approvalKinds),
      grantee: loginSchema,
      reason: requiredText({ zh: '事由', en: 'The reason' }, 200),
      validDays: z.number().int().min(1).max(30).default(7),
    }),
    output: returns<ApprovalSummary>(),
  }),
  'approval:list': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<ApprovalSummary[]>(),
  }),
};
