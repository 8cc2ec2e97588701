import { correctableTriggers, type ViolationRule, type ViolationRules, type ViolationTrigger, type ViolationUnit } from '../../../../../shared/violation-rules';

/**
 * A rule as the violation section lists it. The settings hold only the rules in force: a rule is
 * "off" by not being there. The section lists the defaults not in force as switched off, so they
 * can be switched on again; a rule of the archive's own switched off is gone once saved.
 */
export interface ViolationEntry {
  on: boolean;
  rule: ViolationRule;
}

export function violationEntries(current: ViolationRules, defaults: ViolationRules): ViolationEntry[] {
  const inForce = new Set(current.rules.map((rule) => rule.code));
  return [...current.rules.map((rule) => ({ on: true, rule })), ...defaults.rules.filter((rule) => !inForce.has(rule.code)).map((rule) => ({ on: false, rule }))];
}

export const rulesOf = (entries: readonly ViolationEntry[]): ViolationRule[] => entries.filter((entry) => entry.on).map((entry) => entry.rule);

/** `violationRules.rules.3.amount` names the 4th rule in force: the place of its entry in the list, with the switched-off ones. */
export function entryPath(path: string, entries: readonly ViolationEntry[]): string {
  const rule = /^violationRules\.rules\.(\d+)(\..*)?$/.exec(path);
  if (rule) {
    const places = entries.flatMap((entry, index) => (entry.on ? [index] : []));
    const place = places[Number(rule[1])];
    return place === undefined ? 'entries' : `entries.${place}.rule${rule[2] ?? ''}`;
  }
  if (path === 'violationRules.rules') return 'entries';
  return path.startsWith('violationRules.') ? path.slice('violationRules.'.length) : path;
}

/** A rule as its dialog edits it: an empty list is "every type / item / department", an empty repeat "does not repeat". */
export interface ViolationRuleForm {
  code: string;
  name: string;
  trigger: ViolationTrigger;
  amount: number;
  per: ViolationUnit;
  types: string[];
  items: string[];
  departments: string[];
  repeatAfterWorkdays: number | null;
}

export function toViolationForm(rule: ViolationRule | null): ViolationRuleForm {
  if (!rule) return { code: '', name: '', trigger: 'intake-late', amount: 50, per: 'dossier', types: [], items: [], departments: [], repeatAfterWorkdays: null };
  return { ...rule, types: rule.types ?? [], items: rule.items ?? [], departments: rule.departments ?? [], repeatAfterWorkdays: rule.repeatAfterWorkdays };
}

const orEvery = (values: string[] | undefined): string[] | null => (values && values.length > 0 ? values : null);

/** The rule the values make; what the trigger cannot use (items, repeating) is left out rather than refused. */
export function fromViolationForm(values: ViolationRuleForm): ViolationRule {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    trigger: values.trigger,
    amount: values.amount,
    per: values.per,
    types: orEvery(values.types),
    items: values.trigger === 'intake-missing-item' ? orEvery(values.items) : null,
    departments: orEvery(values.departments),
    repeatAfterWorkdays: correctableTriggers.includes(values.trigger) ? (values.repeatAfterWorkdays ?? null) : null,
  };
}
