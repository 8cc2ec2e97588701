import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * The command line's share of the page check: a program started for one command cannot read a
 * large archive through each time, so each sign-in reads the next few tables and indexes, in
 * turn, until about PAGES_PER_SIGN_IN pages have been read, and remembers where to go on
 * (`page-check.json`, table names only). Scripts that only ever write through the command line
 * thus meet damage in a page no write touches within a few commands – on a small archive at the
 * first.
 */
export const PAGES_PER_SIGN_IN = 1500;

export interface RollingCheck {
  /** Tables and indexes with a page that failed its check. */
  damaged: string[];
  detail: string;
}

export function checkNextPages(sqlite: Database.Database, cursorFile: string, budget = PAGES_PER_SIGN_IN): RollingCheck {
  const names = (sqlite.prepare('SELECT name FROM sqlite_schema WHERE rootpage > 0 ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  const walk = sqlite.prepare('SELECT count(*) FROM dbstat WHERE name = ?').pluck();
  const damaged: string[] = [];
  let detail = '';
  let at = Math.max(0, names.indexOf(readCursor(cursorFile)));
  let pages = 0;
  for (let walked = 0; walked < names.length && pages < budget; walked += 1) {
    const name = names[at] ?? '';
    try {
      pages += walk.get(name) as number;
    } catch (error) {
      damaged.push(name);
      detail ||= error instanceof Error ? error.message : String(error);
    }
    at = (at + 1) % names.length;
  }
  try {
    writeFileAtomic(cursorFile, `${JSON.stringify({ next: names[at] ?? '' })}\n`, { durable: false });
  } catch {
    // A folder that cannot be written starts from the first table next time.
  }
  return { damaged, detail };
}

function readCursor(file: string): string {
  if (!existsSync(file)) return '';
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { next?: unknown };
    return typeof parsed.next === 'string' ? parsed.next : '';
  } catch {
    return '';
  }
}
