import type { Approver, RequestKind, RequesterRelation, RoutingRule } from '../../../../../shared/approval-routing';
import type { SubjectKind } from '../../../../../shared/dossier-types';
import { permissionMatrix, roles, type Role } from '../../../../../shared/permissions';

/** The roles an approver may hold: those that approve (the same with or without three-role separation). */
export const approvingRoles: readonly Role[] = roles.filter((role) => permissionMatrix(false)[role].includes('approval.grant'));

/** 秘密及以上: a rule may ask for it, for its opposite, or not mind. */
export type ClassifiedChoice = 'any' | 'classified' | 'not-classified';

export interface ApproverForm {
  role: Role;
  department: Approver['department'];
  /** The next levels, in order, by role. */
  fallback: Role[];
}

/** A routing rule as the dialog edits it: a condition left empty is no condition. */
export interface RoutingRuleForm {
  label: string;
  when: { relation: RequesterRelation[]; classified: ClassifiedChoice; subjectKinds: SubjectKind[]; kinds: RequestKind[] };
  approvers: ApproverForm[];
  requiresAssistanceNotice: boolean;
}

const classifiedChoice = (classified: boolean | undefined): ClassifiedChoice => (classified === undefined ? 'any' : classified ? 'classified' : 'not-classified');

export function toRuleForm(rule: RoutingRule | null): RoutingRuleForm {
  if (!rule) {
    return { label: '', when: { relation: [], classified: 'any', subjectKinds: [], kinds: [] }, approvers: [{ role: 'dept-manager', department: 'dossier', fallback: [] }], requiresAssistanceNotice: false };
  }
  const { when } = rule;
  return {
    label: rule.label,
    when: { relation: when.relation ?? [], classified: classifiedChoice(when.classified), subjectKinds: when.subjectKinds ?? [], kinds: when.kinds ?? [] },
    approvers: rule.approvers.map((approver) => ({ role: approver.role, department: approver.department, fallback: (approver.fallback ?? []).map((next) => next.role) })),
    requiresAssistanceNotice: rule.requiresAssistanceNotice ?? false,
  };
}

/** A key no other rule has: rule-1, rule-2 … */
export function newRuleKey(rules: readonly RoutingRule[]): string {
  const taken = new Set(rules.map((rule) => rule.key));
  let n = 1;
  while (taken.has(`rule-${n}`)) n += 1;
  return `rule-${n}`;
}

const some = <T>(values: T[] | undefined): T[] | undefined => (values && values.length > 0 ? values : undefined);

/**
 * The rule the dialog's values make. The dialog chooses next levels by role; a next level the rule
 * had keeps the department scope it had (the screen offers the usual 'any').
 */
export function fromRuleForm(values: RoutingRuleForm, original: RoutingRule | null, key: string): RoutingRule {
  const scopes = new Map((original?.approvers ?? []).flatMap((approver) => approver.fallback ?? []).map((next) => [next.role, next.department]));
  const classified = values.when.classified === 'any' ? undefined : values.when.classified === 'classified';
  const when: RoutingRule['when'] = {};
  const relation = some(values.when.relation);
  if (relation) when.relation = relation;
  if (classified !== undefined) when.classified = classified;
  const subjectKinds = some(values.when.subjectKinds);
  if (subjectKinds) when.subjectKinds = subjectKinds;
  const kinds = some(values.when.kinds);
  if (kinds) when.kinds = kinds;
  return {
    key,
    label: values.label.trim(),
    when,
    approvers: (values.approvers ?? []).map(({ role, department, fallback }) => {
      const next = (fallback ?? []).map((nextRole) => ({ role: nextRole, department: scopes.get(nextRole) ?? ('any' as const) }));
      return next.length > 0 ? { role, department, fallback: next } : { role, department };
    }),
    ...(values.requiresAssistanceNotice ? { requiresAssistanceNotice: true } : {}),
  };
}
