import { formulaSafe } from './formula-safe';

/**
 * CSV for Excel users: UTF-8 with a byte-order mark (so Excel shows Chinese correctly), CRLF,
 * RFC 4180 quoting, and cells that would start a formula prefixed with an apostrophe (see formulaSafe).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

function cell(value: string): string {
  const safe = formulaSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
