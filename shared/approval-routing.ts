import { z } from 'zod';
import { subjectKinds, type SubjectKind } from './dossier-types';
import { permissionMatrix, roles, type Role } from './permissions';
import { bilingual } from './validation';

/** Every request the approval engine decides (LE-01…LE-16, LE-05). */
export const requestKinds = ['consultation', 'loan', 'copy', 'excerpt', 'export'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestKindLabels: Record<RequestKind, { zh: string; en: string }> = {
  consultation: { zh: '查阅', en: 'Consultation' },
  loan: { zh: '借阅', en: 'Loan' },
  copy: { zh: '复制', en: 'Copy' },
  excerpt: { zh: '摘抄', en: 'Excerpt' },
  export: { zh: '导出', en: 'Export' },
};

/** Kinds an outsider may ask for: export is an electronic act of a user. */
export const outsiderKinds: readonly RequestKind[] = ['consultation', 'loan', 'copy', 'excerpt'];

/** The authorities that may consult property dossiers as outsiders (LE-10). */
export const authorities = ['police', 'procuratorate', 'court'] as const;
export type Authority = (typeof authorities)[number];
export const authorityLabels: Record<Authority, { zh: string; en: string }> = {
  police: { zh: '公安机关', en: 'Police' },
  procuratorate: { zh: '检察院', en: 'Procuratorate' },
  court: { zh: '法院', en: 'Court' },
};

/** Who asks, relative to the dossier. */
export const requesterRelations = ['own-department', 'other-department', 'outsider'] as const;
export type RequesterRelation = (typeof requesterRelations)[number];

/** Which holders of a role decide a step. */
const approverSchema = z.strictObject({
  role: z.enum(roles),
  /** 'dossier': only holders of the role in the dossier's department, or in a department above it, decide; 'any': anyone holding it. */
  department: z.enum(['dossier', 'any']).default('any'),
});
export type Approver = z.infer<typeof approverSchema>;

/**
 * One routing rule: when its conditions hold (all that are given), its approvers join the route.
 * An approver's `fallback` is the next level, in order: who decides the step instead when nobody
 * holding the role may (the only holder asked himself, or registered the request).
 * A request's route is the approvers of every matching rule, in rule order, each step once.
 */
export const routingRuleSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
  /** What the rule says, in words (shown beside each step). */
  label: z.string().trim().min(1).max(60),
  when: z.strictObject({
    relation: z.array(z.enum(requesterRelations)).min(1).optional(),
    /** 秘密 and above (the level's `classified` flag). */
    classified: z.boolean().optional(),
    subjectKinds: z.array(z.enum(subjectKinds)).min(1).optional(),
    kinds: z.array(z.enum(requestKinds)).min(1).optional(),
  }),
  approvers: z.array(approverSchema.extend({ fallback: z.array(approverSchema).max(3).optional() })).max(4),
  /** An outsider must name the authority and the assistance notice (LE-10: property dossiers). */
  requiresAssistanceNotice: z.boolean().optional(),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** Roles that may approve at all (with or without three-role separation). */
const approvingRoles = new Set(roles.filter((role) => permissionMatrix(false)[role].includes('approval.grant')));

export const routingRulesSchema = z
  .array(routingRuleSchema)
  .min(1)
  .max(30)
  .refine((rules) => new Set(rules.map((r) => r.key)).size === rules.length, bilingual('规则标识重复', 'Duplicate rule keys'))
  .superRefine((rules, ctx) => {
    // Each approver that cannot approve is named by its place, so a form shows the message beside it.
    const notApproving = bilingual('审批人（含上一级审批人）须为有审批权的角色（部门经理、客户服务部经理、总经理、法务）', 'Approvers, fallbacks included, must hold a role that approves (department manager, CS manager, general manager, legal officer)');
    rules.forEach((rule, r) =>
      rule.approvers.forEach((approver, a) => {
        if (!approvingRoles.has(approver.role)) ctx.addIssue({ code: 'custom', path: [r, 'approvers', a, 'role'], ...notApproving });
        approver.fallback?.forEach((next, f) => {
          if (!approvingRoles.has(next.role)) ctx.addIssue({ code: 'custom', path: [r, 'approvers', a, 'fallback', f, 'role'], ...notApproving });
        });
      }),
    );
  });

/**
 * The next level when no manager of the dossier's department may decide (the only one asked): a
 * manager of a department above it decides the department's step already; at the top of the
 * tree, the general manager.
 */
const aboveDepartmentManager: Approver[] = [{ role: 'general-manager', department: 'any' }];

/** The defaults of the regulations: LE-02, LE-03, LE-15 (classified), LE-10 (outsiders, property). */
export const defaultRoutingRules: RoutingRule[] = [
  {
    key: 'own-department',
    label: '本部门档案：部门经理审批（经理本人申请时由上级部门经理或总经理审批）',
    when: { relation: ['own-department'] },
    approvers: [{ role: 'dept-manager', department: 'dossier', fallback: aboveDepartmentManager }],
  },
  { key: 'other-department', label: '其他部门档案：总经理审批', when: { relation: ['other-department'] }, approvers: [{ role: 'general-manager', department: 'any' }] },
  {
    key: 'classified',
    label: '秘密及以上：另需客户服务部经理审批（其本人申请时由总经理审批）',
    when: { classified: true },
    approvers: [{ role: 'cs-manager', department: 'any', fallback: [{ role: 'general-manager', department: 'any' }] }],
  },
  { key: 'outsider', label: '外单位人员：客户服务部经理审批', when: { relation: ['outsider'] }, approvers: [{ role: 'cs-manager', department: 'any' }] },
  {
    key: 'outsider-property',
    label: '外单位查阅房产档案：限公检法人员持协助通知，另需法务审批',
    when: { relation: ['outsider'], subjectKinds: ['property'] },
    approvers: [{ role: 'legal', department: 'any' }],
    requiresAssistanceNotice: true,
  },
];

export interface RouteStep {
  role: Role;
  /** The department whose managers (or those above it) decide; null: anyone holding the role. */
  departmentId: number | null;
  /** The rule that put the step on the route. */
  rule: string;
  /** The role the rule named, when nobody holding it could decide and this next level decides instead. */
  insteadOf?: Role;
}

/** A step as the rules plan it: the approver they name, then the next levels in order. */
export interface PlannedStep {
  step: RouteStep;
  fallback: RouteStep[];
}

export interface RoutingFacts {
  relation: RequesterRelation;
  classified: boolean;
  subjectKind: SubjectKind | null;
  kind: RequestKind;
  dossierDepartmentId: number;
}

export interface Route {
  steps: PlannedStep[];
  /** Keys of matching rules that require an authority and an assistance notice from the outsider. */
  needsAssistanceNotice: boolean;
}

function matches(rule: RoutingRule, facts: RoutingFacts): boolean {
  const { when } = rule;
  if (when.relation && !when.relation.includes(facts.relation)) return false;
  if (when.classified !== undefined && when.classified !== facts.classified) return false;
  if (when.subjectKinds && (facts.subjectKind === null || !when.subjectKinds.includes(facts.subjectKind))) return false;
  if (when.kinds && !when.kinds.includes(facts.kind)) return false;
  return true;
}

function stepOf(approver: Approver, facts: RoutingFacts, rule: string): RouteStep {
  return { role: approver.role, departmentId: approver.department === 'dossier' ? facts.dossierDepartmentId : null, rule };
}

export const sameApprover = (a: Pick<RouteStep, 'role' | 'departmentId'>, b: Pick<RouteStep, 'role' | 'departmentId'>): boolean => a.role === b.role && a.departmentId === b.departmentId;

/** The approvers a request goes to, from the rules as data, each with its next levels; the same approver appears once. */
export function routeFor(rules: readonly RoutingRule[], facts: RoutingFacts): Route {
  const steps: PlannedStep[] = [];
  let needsAssistanceNotice = false;
  for (const rule of rules) {
    if (!matches(rule, facts)) continue;
    needsAssistanceNotice ||= rule.requiresAssistanceNotice === true;
    for (const approver of rule.approvers) {
      const step = stepOf(approver, facts, rule.key);
      if (steps.some((s) => sameApprover(s.step, step))) continue;
      steps.push({ step, fallback: (approver.fallback ?? []).map((next) => ({ ...stepOf(next, facts, rule.key), insteadOf: approver.role })) });
    }
  }
  return { steps, needsAssistanceNotice };
}
