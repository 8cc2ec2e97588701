import { violationTriggerLabels, violationUnitLabels, type ViolationEscalation, type ViolationRule } from '../../../../../shared/violation-rules';
import { listed, pick, type Words } from './words';

/** The archive's names for what the rules name by key; a key the archive does not know is shown as it is, marked. */
export interface Names {
  type: (key: string) => string;
  item: (key: string) => string;
  department: (code: string) => string;
}

/** 逾期移交：新车档案 – what the rule looks for, and where (types, checklist items, departments). */
export function triggerWords(rule: ViolationRule, names: Names, words: Words): string {
  const { t } = words;
  const parts = [pick(violationTriggerLabels[rule.trigger], words)];
  parts.push(rule.types ? t('registerSettings.words.types', { list: listed(rule.types.map(names.type), words) }) : t('registerSettings.words.allTypes'));
  if (rule.items) parts.push(t('registerSettings.words.items', { list: listed(rule.items.map(names.item), words) }));
  if (rule.departments) parts.push(t('registerSettings.words.departments', { list: listed(rule.departments.map(names.department), words) }));
  return parts.join(words.en ? '; ' : '；');
}

/** 50.00 元/份 */
export const amountWords = (rule: Pick<ViolationRule, 'amount' | 'per'>, words: Words): string =>
  words.t('statistics.ruleAmount', { amount: rule.amount.toFixed(2), unit: pick(violationUnitLabels[rule.per], words) });

/** PN-08: whether an uncorrected violation counts again. */
export const repeatWords = (rule: Pick<ViolationRule, 'repeatAfterWorkdays'>, words: Words): string =>
  rule.repeatAfterWorkdays === null ? words.t('registerSettings.words.noRepeat') : words.t('statistics.ruleRepeats', { days: rule.repeatAfterWorkdays });

/** PN-06: 销售部（XSB）的人员当月第 2 次违规起罚款 ×2 */
export const escalationWords = (entry: ViolationEscalation, names: Names, words: Words): string =>
  words.t('registerSettings.words.escalation', { departments: listed(entry.departments.map(names.department), words), from: entry.fromCount, factor: entry.factor });
