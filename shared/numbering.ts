/**
 * Archive numbers (档号). The foundation ships one company-wide rule, a running number per year
 * (`KH-2026-000123`, DS-32); configurable rules per dossier type build on the same sequence table.
 */
export const DEFAULT_NUMBER_PREFIX = 'KH';

export function sequenceScope(prefix: string, year: number): string {
  return `${prefix}-${year}`;
}

export function formatArchiveNumber(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`invalid sequence ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}
