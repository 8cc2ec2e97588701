import type { TFunction } from 'i18next';
import type { DossierTypeView, FieldValues } from '../../../../shared/contract';
import { DOSSIER_LIMITS } from '../../../../shared/dossier-limits';

export const TITLE_MAX = DOSSIER_LIMITS.title;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Only what was filled in: the core fills in defaults and checks the rest. */
export function filledFields(fields: FieldValues | undefined): FieldValues {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => !isEmpty(v)));
}

/**
 * The fields an edit changes: a cleared field as null, a masked sensitive field left empty not at
 * all (its value on file stays).
 */
export function changedFields(before: FieldValues, after: FieldValues | undefined, masked: ReadonlySet<string>): FieldValues {
  const changes: FieldValues = {};
  for (const [key, value] of Object.entries(after ?? {})) {
    if (masked.has(key) && isEmpty(value)) continue;
    const next = isEmpty(value) ? null : (value ?? null);
    if (JSON.stringify(next) !== JSON.stringify(before[key] ?? null)) changes[key] = next;
  }
  return changes;
}

/** The title's placeholder: how the type makes a title when none is typed, or an example. */
export function titlePlaceholder(t: TFunction, type: DossierTypeView | undefined, english: boolean): string {
  if (!type?.titleTemplate) return t('dossier.titlePlaceholder');
  const template = type.titleTemplate.replace(/\{(\w+)\}/g, (_, key: string) => {
    const field = type.fields.find((f) => f.key === key);
    return `{${(english && field?.labelEn) || field?.label || key}}`;
  });
  return t('catalogue.titleFromType', { template });
}
