import type { Settings, SystemSettings } from '../../../../../shared/contract';

/** The value as JSON with every object's keys sorted: two settings alike but for the order of their keys compare equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1))) : inner,
  );

export const sameSetting = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** Of a section's settings, those that differ from what is stored: the only ones a save sends (and the audit trail records). */
export function changedSettings(current: Settings, next: Partial<SystemSettings>): Partial<SystemSettings> {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => !sameSetting(value, current[key as keyof Settings])));
}

/** Whether a rule is one of the defaults as shipped, a default changed here, or the archive's own. */
export type DefaultState = 'default' | 'changed' | 'own';

export function defaultState<T>(value: T, shipped: T | undefined): DefaultState {
  if (shipped === undefined) return 'own';
  return sameSetting(value, shipped) ? 'default' : 'changed';
}
