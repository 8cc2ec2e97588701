import { z } from 'zod';
import { departmentCodeSchema } from './contract/department';
import { bilingual } from './validation';

/**
 * The violation ledger's rules (PN-01…PN-08) as data: a small interpreter
 * (electron/core/services/kpi/violations) reads the registers and applies them. Nothing here is
 * typed in per violation: a violation is what a rule finds in the intake book or the loan register.
 */

/** What in the registers a rule looks for. */
export const violationTriggers = ['intake-late', 'intake-missing-item', 'loan-lost-document', 'loan-overdue'] as const;
export type ViolationTrigger = (typeof violationTriggers)[number];

export const violationTriggerLabels: Record<ViolationTrigger, { zh: string; en: string }> = {
  'intake-late': { zh: '逾期移交', en: 'Late hand-over' },
  'intake-missing-item': { zh: '移交缺件', en: 'Item missing at hand-over' },
  'loan-lost-document': { zh: '借阅遗失文件', en: 'Document lost on loan' },
  'loan-overdue': { zh: '借阅逾期未还', en: 'Loan overdue' },
};

/** What one fine is counted per. */
export const violationUnits = ['dossier', 'workday', 'item', 'document', 'loan'] as const;
export type ViolationUnit = (typeof violationUnits)[number];

export const violationUnitLabels: Record<ViolationUnit, { zh: string; en: string }> = {
  dossier: { zh: '份', en: 'dossier' },
  workday: { zh: '逾期工作日', en: 'working day late' },
  item: { zh: '项', en: 'item' },
  document: { zh: '件', en: 'document' },
  loan: { zh: '次', en: 'loan' },
};

/** The units each trigger can count, the first being the usual one. */
export const unitsOfTrigger: Record<ViolationTrigger, readonly ViolationUnit[]> = {
  'intake-late': ['dossier', 'workday'],
  'intake-missing-item': ['item'],
  'loan-lost-document': ['document', 'loan'],
  'loan-overdue': ['loan'],
};

/**
 * Triggers whose violation can be put right later – a missing item by a later hand-over, an
 * overdue loan by its return – and so can repeat while it is not (PN-08).
 */
export const correctableTriggers: readonly ViolationTrigger[] = ['intake-missing-item', 'loan-overdue'];

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,16}$/, bilingual('规则编号只能用字母、数字和连字符（最多 16 个）', 'A rule code uses letters, digits and hyphens (at most 16)'));
const keys = (what: string, whatEn: string) =>
  z
    .array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,39}$/, bilingual(`${what}应为键名`, `${whatEn} are keys`)))
    .min(1)
    .max(50)
    .nullable();
const departmentCodes = z.array(departmentCodeSchema).min(1).max(50);
/** Yuan, to the fen. */
const yuan = z
  .number()
  .min(0, bilingual('金额不能为负', 'An amount cannot be negative'))
  .max(100_000, bilingual('金额最多 100,000 元', 'An amount is at most 100,000 yuan'))
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, bilingual('金额最多两位小数（到分）', 'An amount has at most two decimals (fen)'));

/**
 * One rule. An event in the registers (a dossier handed over late, a hand-over's missing items,
 * a return with lost documents, a loan past its due day) is fined by the FIRST rule in the list
 * whose conditions (all that are given) it meets – so a narrower rule placed before a wider one
 * takes precedence, as PN-05's customer signatures do over its other items.
 */
export const violationRuleSchema = z
  .strictObject({
    code,
    /** What the rule says, in words (printed with each violation). */
    name: z.string().trim().min(1).max(60),
    trigger: z.enum(violationTriggers),
    amount: yuan,
    per: z.enum(violationUnits),
    /** Only dossiers of these types (type keys); null: every type. */
    types: keys('档案类型', 'Dossier types'),
    /** For missing items: only these checklist items (keys); null: every item. */
    items: keys('必备材料', 'Checklist items'),
    /** Only violations of people of these departments (codes, with their sub-departments); null: every department. */
    departments: departmentCodes.nullable(),
    /**
     * PN-08: not put right within so many working days, the violation counts again – and again
     * each further working day until it is; null: it does not repeat.
     */
    repeatAfterWorkdays: z.number().int().min(1).max(30).nullable(),
  })
  .refine((rule) => unitsOfTrigger[rule.trigger].includes(rule.per), { path: ['per'], ...bilingual('此类违规不能按该单位计罚', 'This kind of violation is not counted in that unit') })
  .refine((rule) => rule.items === null || rule.trigger === 'intake-missing-item', { path: ['items'], ...bilingual('只有移交缺件可以限定材料', 'Only missing items can be limited to checklist items') })
  .refine((rule) => rule.repeatAfterWorkdays === null || correctableTriggers.includes(rule.trigger), {
    path: ['repeatAfterWorkdays'],
    ...bilingual('只有可以改正的违规（缺件、逾期未还）才会按日重复', 'Only violations that can be put right (missing items, overdue loans) repeat'),
  });
export type ViolationRule = z.infer<typeof violationRuleSchema>;

/**
 * PN-06: from the n-th violation of a person in a month, the fines of the people of these
 * departments are multiplied (doubled). The first entry naming a person's department applies.
 */
export const violationEscalationSchema = z.strictObject({
  code,
  departments: departmentCodes,
  fromCount: z.number().int().min(1).max(100),
  factor: z.number().min(1).max(10),
});
export type ViolationEscalation = z.infer<typeof violationEscalationSchema>;

export const violationRulesSchema = z
  .strictObject({
    rules: z.array(violationRuleSchema).max(50),
    escalation: z.array(violationEscalationSchema).max(20),
  })
  .refine((rules) => new Set(rules.rules.map((r) => r.code)).size === rules.rules.length, { path: ['rules'], ...bilingual('规则编号重复', 'Duplicate rule codes') });
export type ViolationRules = z.infer<typeof violationRulesSchema>;

/**
 * The defaults of the car dealer's regulation (seed 000:317-335). The sales advisor hands over
 * new-vehicle dossiers (XSB, 销售部), the service advisor after-sales ones (SHB, 售后服务部):
 * an archive whose departments have other codes names them in the escalation.
 */
export const defaultViolationRules: ViolationRules = {
  rules: [
    { code: 'PN-01', name: '销售顾问超过交车后 3 个工作日上交档案', trigger: 'intake-late', amount: 50, per: 'dossier', types: ['vehicle-new'], items: null, departments: null, repeatAfterWorkdays: null },
    // The inspection sheets the customer signs (须客户签字 on the new-vehicle checklist).
    {
      code: 'PN-02',
      name: '销售顾问移交的检查类档案无用户签名',
      trigger: 'intake-missing-item',
      amount: 20,
      per: 'item',
      types: ['vehicle-new'],
      items: ['deliveryChecklist', 'pdiChecklist'],
      departments: null,
      repeatAfterWorkdays: 1,
    },
    { code: 'PN-04', name: '服务顾问未在交车后 1 个工作日内移交档案', trigger: 'intake-late', amount: 50, per: 'dossier', types: ['vehicle-service'], items: null, departments: null, repeatAfterWorkdays: null },
    // The after-sales forms the customer signs: reception sheet, repair order, settlement, 12-point check.
    {
      code: 'PN-05',
      name: '服务顾问移交的档案无用户签名',
      trigger: 'intake-missing-item',
      amount: 50,
      per: 'item',
      types: ['vehicle-service'],
      items: ['receptionSheet', 'repairOrder', 'settlement', 'inspection12'],
      departments: null,
      repeatAfterWorkdays: 1,
    },
    { code: 'PN-07', name: '未执行借阅规定造成档案遗失', trigger: 'loan-lost-document', amount: 20, per: 'document', types: null, items: null, departments: null, repeatAfterWorkdays: null },
  ],
  escalation: [
    { code: 'PN-06', departments: ['XSB'], fromCount: 2, factor: 2 },
    { code: 'PN-06', departments: ['SHB'], fromCount: 3, factor: 2 },
  ],
};
