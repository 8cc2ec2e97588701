import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** The schema version this build knows: the number of migrations it ships. */
export function knownSchemaVersion(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.length;
}
