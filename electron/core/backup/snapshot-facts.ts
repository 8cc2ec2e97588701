import type Database from 'better-sqlite3';
import type { BackupManifest } from './backup-format';

/** What a database snapshot holds, as a backup's manifest records it and a check compares it. */
export type SnapshotFacts = Pick<BackupManifest, 'schemaVersion' | 'counts' | 'auditHead' | 'numbers'> & {
  /** The stored scans the snapshot refers to: content address → plaintext size. */
  scanFiles: Map<string, number>;
};

const count = (sqlite: Database.Database, table: string): number => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Read straight from a keyed connection, before anything (a migration) could change it. */
export function snapshotFacts(sqlite: Database.Database): SnapshotFacts {
  const head = sqlite.prepare('SELECT id, hash, at FROM audit_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string; at: string } | undefined;
  const numbers = sqlite.prepare('SELECT scope, last_value AS value FROM number_sequences').all() as { scope: string; value: number }[];
  const files = sqlite.prepare('SELECT address, size FROM scan_files').all() as { address: string; size: number }[];
  return {
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    counts: { dossiers: count(sqlite, 'dossiers'), documents: count(sqlite, 'documents'), scanFiles: files.length, users: count(sqlite, 'users'), auditEvents: count(sqlite, 'audit_events') },
    auditHead: head ? { id: head.id, hash: head.hash, at: head.at } : null,
    numbers: Object.fromEntries(numbers.map((n) => [n.scope, n.value])),
    scanFiles: new Map(files.map((f) => [f.address, f.size])),
  };
}
