import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { recordDamage } from '../../electron/core/integrity/damage-record';
import { archivePaths } from '../../electron/core/vault/archive-files';

/**
 * Reasons another program gives a core to refuse writes while it can still read – made by hand, as
 * that program would leave them in the data folder, for tests of what still works meanwhile.
 */

/**
 * Another program's import under way: its long-write notice (writing.json) names a live process –
 * this test's parent – so every core refuses writes with ARCHIVE_BUSY until `end()`.
 */
export function importRunningElsewhere(dataDir: string): { end(): void } {
  const notice = archivePaths(dataDir).longWrite;
  writeFileSync(notice, JSON.stringify({ writer: randomUUID(), pid: process.ppid, kind: 'import', startedAt: new Date().toISOString(), done: 1, total: 2 }));
  return { end: () => rmSync(notice, { force: true }) };
}

/** Damage another program met and recorded (damage.json): every core refuses writes with ARCHIVE_DAMAGED until `verify` – or `clear()`. */
export function damageSeenElsewhere(dataDir: string): { clear(): void } {
  const record = archivePaths(dataDir).damageRecord;
  recordDamage(record, { seenAt: new Date().toISOString(), seenBy: 'dossier:get', detail: 'database disk image is malformed', structures: [] });
  return { clear: () => rmSync(record, { force: true }) };
}
