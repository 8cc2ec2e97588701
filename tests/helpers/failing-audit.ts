import type Database from 'better-sqlite3';

/**
 * Every transaction on this connection fails at its audit event – after the change itself has
 * run, as a full disk or a lost lock would fail a commit – until `undo()`. For proving that
 * nothing outside the database shows a change whose transaction rolled back. A TEMP trigger:
 * it lives on this connection only and never reaches the archive file.
 */
export function failAuditEvents(sqlite: Database.Database): { undo(): void } {
  withWritesAllowed(sqlite, () => sqlite.exec(`CREATE TEMP TRIGGER failing_audit BEFORE INSERT ON main.audit_events BEGIN SELECT RAISE(ABORT, 'injected fault: the audit event cannot be written'); END`));
  return { undo: () => withWritesAllowed(sqlite, () => sqlite.exec('DROP TRIGGER IF EXISTS temp.failing_audit')) };
}

/** Core connections are query-only outside their transactions. */
function withWritesAllowed(sqlite: Database.Database, run: () => void): void {
  const queryOnly = sqlite.pragma('query_only', { simple: true }) === 1;
  sqlite.pragma('query_only = OFF');
  try {
    run();
  } finally {
    if (queryOnly) sqlite.pragma('query_only = ON');
  }
}
