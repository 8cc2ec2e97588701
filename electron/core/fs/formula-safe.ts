/**
 * A cell that would start a formula in a spreadsheet gets an apostrophe in front: a value like
 * `=HYPERLINK(…)` or `@SUM(…)` typed into a dossier title must never run when someone opens an
 * exported file (CSV injection), and stays visibly what it was.
 */
export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
