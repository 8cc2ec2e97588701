import { z } from 'zod';
import { permissionMatrix, roles, type Role } from './permissions';
import { bilingual } from './validation';

/** What the appraisal committee (鉴定小组) decides for an expired dossier. */
export const appraisalDecisions = ['destroy', 'keep', 'transfer'] as const;
export type AppraisalDecision = (typeof appraisalDecisions)[number];

export const appraisalDecisionLabels: Record<AppraisalDecision, { zh: string; en: string }> = {
  destroy: { zh: '销毁', en: 'Destroy' },
  keep: { zh: '延长保管', en: 'Keep longer' },
  transfer: { zh: '移交', en: 'Transfer' },
};

/** How paper is destroyed. Selling it as waste paper is not a method (RT-01): there is none to choose. */
export const destructionMethods = ['shredding', 'pulping', 'incineration'] as const;
export type DestructionMethod = (typeof destructionMethods)[number];

export const destructionMethodLabels: Record<DestructionMethod, { zh: string; en: string }> = {
  shredding: { zh: '粉碎', en: 'Shredding' },
  pulping: { zh: '化浆', en: 'Pulping' },
  incineration: { zh: '焚毁', en: 'Incineration' },
};

/**
 * Who approves a destruction list by default, in turn: the archive head, then the general manager.
 * The archive is kept by the customer-service department (客户信息专员 are its clerks), so its head
 * is the customer-service manager – there is no role of its own for an archive head.
 */
export const defaultDisposalApprovers: Role[] = ['cs-manager', 'general-manager'];

/** The approvers of destruction lists (a setting): roles that approve, each once, in the order they decide. A list keeps the route of the day it was made. */
export const disposalApproversSchema = z
  .array(z.enum(roles))
  .min(1, bilingual('销毁清册至少需要一位审批人', 'A destruction list needs at least one approver'))
  .max(4, bilingual('销毁清册最多四级审批', 'A destruction list has at most four approvers'))
  .refine((approvers) => new Set(approvers).size === approvers.length, bilingual('同一角色只能审批一次', 'A role approves only once'))
  .refine((approvers) => approvers.every((role) => permissionMatrix(false)[role].includes('approval.grant')), bilingual('审批人须为有审批权限的角色', 'Approvers must be roles that approve'));

/** A destruction list's number: XH-2026-001. */
export function destructionListNumber(year: number, sequence: number): string {
  return `XH-${year}-${String(sequence).padStart(3, '0')}`;
}

