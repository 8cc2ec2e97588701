import type { DossierTypeView } from '../../../../../shared/contract';
import type { IntakeDeadline } from '../../../../../shared/intake-deadlines';
import type { Words } from './words';

/** 交车日期后 3 个工作日 / 签收时填写的起算日期后 5 个工作日 / 无签收期限. */
export function deadlineWords(deadline: IntakeDeadline | undefined, type: Pick<DossierTypeView, 'fields'>, words: Words): string {
  const { t } = words;
  if (!deadline) return t('registerSettings.words.noDeadline');
  if (deadline.triggerField === null) return t('registerSettings.words.deadlineFromGiven', { days: deadline.workdays });
  const field = type.fields.find((f) => f.key === deadline.triggerField);
  const name = field ? (words.en ? (field.labelEn ?? field.label) : field.label) : deadline.triggerField;
  return t('registerSettings.words.deadlineFromField', { field: name, days: deadline.workdays });
}
