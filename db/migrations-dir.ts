import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** One migration as drizzle-kit wrote it: its SQL statements, in order. */
export interface Migration {
  version: number;
  tag: string;
  hash: string;
  statements: string[];
}

/** The migrations this build ships (db/migrations, in journal order); version = position + 1. */
export function readMigrations(migrationsDir: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map((entry, index) => {
    const sql = readFileSync(join(migrationsDir, `${entry.tag}.sql`), 'utf8');
    return {
      version: index + 1,
      tag: entry.tag,
      hash: createHash('sha256').update(sql).digest('hex'),
      statements: sql
        .split('--> statement-breakpoint')
        .map((statement) => statement.trim())
        .filter((statement) => statement.length > 0),
    };
  });
}

/** The schema version this build knows: the number of migrations it ships. */
export function knownSchemaVersion(migrationsDir: string): number {
  return readMigrations(migrationsDir).length;
}
