import { expect } from 'vitest';
import type { AuditEventView } from '../../shared/contract';

/** The keys of a summary, nested ones too. */
function keysOf(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(keysOf);
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

/** Every key these events recorded is shown in words in the audit trail, in both languages (an auditor reads 备份编号, not backupId). */
export function expectSummariesInWords(events: readonly AuditEventView[]): void {
  expect(events.length).toBeGreaterThan(0);
  const raw = events.flatMap((event) =>
    keysOf(event.summary)
      .filter((key) => event.description.zh.includes(`${key}：`))
      .map((key) => `${event.action}: ${key}`),
  );
  expect([...new Set(raw)]).toEqual([]);
}
