import { requestKindLabels, type Approver, type RoutingRule } from '../../../../../shared/approval-routing';
import { roleLabels } from '../../../../../shared/permissions';
import { either, pick, type Words } from './words';

/** When a rule applies, in words: 申请人为外单位人员；立档对象为房产. */
export function conditionWords(when: RoutingRule['when'], words: Words): string {
  const { t } = words;
  const parts: string[] = [];
  if (when.relation) parts.push(t('registerSettings.words.relation', { list: either(when.relation.map((r) => t(`registerSettings.relations.${r}`)), words) }));
  if (when.classified !== undefined) parts.push(t(when.classified ? 'registerSettings.words.classified' : 'registerSettings.words.notClassified'));
  if (when.subjectKinds) parts.push(t('registerSettings.words.subjectKinds', { list: either(when.subjectKinds.map((kind) => t(`types.subject.${kind}`)), words) }));
  if (when.kinds) parts.push(t('registerSettings.words.kinds', { list: either(when.kinds.map((kind) => pick(requestKindLabels[kind], words)), words) }));
  return parts.length > 0 ? parts.join(words.en ? '; ' : '；') : t('registerSettings.words.always');
}

/** 部门经理（档案所属部门） – a role, with the dossier's department when only that department's holders decide. */
function approverName(approver: Approver, words: Words): string {
  const role = pick(roleLabels[approver.role], words);
  return approver.department === 'dossier' ? words.t('registerSettings.words.ofDossierDepartment', { role }) : role;
}

/** One approver of a rule, with the next levels that decide in turn when nobody holding the role may. */
export function approverWords(approver: RoutingRule['approvers'][number], words: Words): string {
  const name = approverName(approver, words);
  const next = approver.fallback ?? [];
  return next.length > 0 ? words.t('registerSettings.words.withFallback', { approver: name, next: next.map((n) => approverName(n, words)).join(' → ') }) : name;
}

/** Every line the approvers column shows: each approver, and what the rule asks of outsiders. */
export function approversWords(rule: RoutingRule, words: Words): string[] {
  const lines = rule.approvers.map((approver) => approverWords(approver, words));
  if (lines.length === 0) lines.push(words.t('registerSettings.words.noApprover'));
  if (rule.requiresAssistanceNotice) lines.push(words.t('registerSettings.words.assistanceNotice'));
  return lines;
}
