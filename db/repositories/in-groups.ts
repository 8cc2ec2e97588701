/**
 * Rows written (or ids looked up) per statement: SQLite binds at most 32,766 values to one
 * statement, and a list that comes from the data – a dossier's pages, a destruction's files, the
 * damaged files verify found – has no such bound. 200 keeps each statement small and cheap to prepare.
 */
export const ROWS_PER_STATEMENT = 200;

export function inGroups<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const groups: T[][] = [];
  for (let at = 0; at < items.length; at += size) groups.push(items.slice(at, at + size));
  return groups;
}
