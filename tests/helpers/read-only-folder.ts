import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The account a test runs the program as when the folder's permission bits must bind (root ignores them). */
const NOBODY = { uid: 65534, gid: 65534 };

/**
 * Who can be refused by a read-only folder: this test's own user, or – when tests run as root,
 * whom permission bits do not stop – `nobody`, if that account can run the built program here.
 * Null when neither is possible (root, and the checkout not readable by others).
 */
export function userRefusedByPermissions(program: string): { uid: number; gid: number } | undefined | null {
  if (process.getuid?.() !== 0) return undefined;
  const probe = spawnSync(process.execPath, [program, '--version'], { ...NOBODY, stdio: 'ignore' });
  return probe.status === 0 ? NOBODY : null;
}

/** Makes a data folder read-only (files 0444, the folder 0555) yet readable by everyone; `undo` puts write access back. */
export function makeFolderReadOnly(dataDir: string, parents: readonly string[] = []): { undo(): void } {
  for (const parent of parents) chmodSync(parent, 0o755);
  for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o444);
  chmodSync(dataDir, 0o555);
  return {
    undo: () => {
      chmodSync(dataDir, 0o755);
      for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
    },
  };
}
