import { existsSync, renameSync, rmSync } from 'node:fs';

/** How many earlier log files are kept beside the current one (main.1.log … main.5.log). */
export const KEPT_LOG_FILES = 5;

/**
 * The log file is full: it becomes main.1.log, main.1.log becomes main.2.log, and so on; the
 * oldest goes. No `electron` import: tested in plain Node.
 */
export function rotateLogFile(file: string, keep: number = KEPT_LOG_FILES): void {
  const numbered = (n: number) => file.replace(/(\.log)?$/, `.${n}.log`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  }
  renameSync(file, numbered(1));
}
