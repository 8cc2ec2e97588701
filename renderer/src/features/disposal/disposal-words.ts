import type { AppraisalView, DestructionListState } from '../../../../shared/contract';
import { retentionLabel } from '../../../../shared/dossier-types';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export const stateColor: Record<DestructionListState, string> = { approving: 'gold', rejected: 'red', approved: 'blue', 'carried-out': 'default' };

/** An appraisal in a few words: 销毁 / 延长保管（30年）/ 移交（集团档案室）. */
export function appraisalWords(appraisal: AppraisalView, t: Translate, english: boolean): string {
  const decision = t(`disposal.decisions.${appraisal.decision}`);
  if (appraisal.decision === 'keep' && appraisal.retentionAfter) return `${decision}（${retentionLabel(appraisal.retentionAfter, english ? 'en' : 'zh')}）`;
  if (appraisal.decision === 'transfer' && appraisal.transferTo) return `${decision}（${appraisal.transferTo}）`;
  return decision;
}
