import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning } from '../fs/process-running';

/**
 * Removes what a crashed or killed run left in `staging/`: folders of processes that no longer
 * run (their keys died with them, so the files were unreadable already). Folders of running
 * processes – the desktop app while a command runs, another core in this process – stay.
 * Returns the folders removed.
 */
export function removeLeftoverStaging(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name)?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && (pid === process.pid || isRunning(pid))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
