import { requestKindLabels, type ApprovalRequestView, type RequestKind } from '../../../../shared/contract';
import { roleLabels } from '../../../../shared/permissions';
import type { TFunction } from 'i18next';

type Language = string;
const pick = (labels: { zh: string; en: string }, language: Language) => (language === 'en' ? labels.en : labels.zh);

export const kindLabel = (kind: RequestKind, language: Language) => pick(requestKindLabels[kind], language);

export const stateColors: Record<ApprovalRequestView['state'], string> = { pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default', used: 'default', expired: 'warning' };

/** Who asked: a user with their department, or an outsider with their organisation. */
export function requesterLabel(request: ApprovalRequestView): string {
  if (request.requester) return `${request.requester.displayName}${request.requester.department ? `（${request.requester.department.name}）` : ''}`;
  return request.outsider ? `${request.outsider.name}（${request.outsider.organisation}）` : '';
}

/** A step's approver; a next level deciding in place of the role the rule named says so. */
export function stepLabel(step: ApprovalRequestView['route'][number], language: Language): string {
  const instead = step.insteadOf ? (language === 'en' ? ` (instead of the ${roleLabels[step.insteadOf].en.toLowerCase()})` : `（代${roleLabels[step.insteadOf].zh}）`) : '';
  return `${pick(roleLabels[step.role], language)}${step.department ? `（${step.department.name}）` : ''}${instead}`;
}

/** A loan's or consultation's place in its dossier's queue, and when the dossier is due back while it is out. */
export function queueLines(request: ApprovalRequestView, t: TFunction): string[] {
  if (!request.queue) return [];
  const { position, of, dueBack } = request.queue;
  return [t('approvals.queuePlace', { position, of }), ...(dueBack ? [t('approvals.dueBack', { day: dueBack })] : [])];
}
