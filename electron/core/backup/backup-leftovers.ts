import { readdirSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../fs/process-running';

/**
 * Names of what a backup writes before it is whole: this computer and process in them, so what a
 * crashed run left is known as such and removed by the next – and a run of another computer writing
 * to the same network share is never taken for one.
 */
const owner = () => `${hostname().replace(/[^\w-]/g, '_')}-${process.pid}`;

export function partialNames(fileName: string): { file: string; snapshot: string } {
  return { file: `.${fileName}.${owner()}.partial`, snapshot: `.${fileName}.${owner()}.db.partial` };
}

/** A temporary folder for a backup's check, in the system's temporary folder. */
export function checkFolder(id: string): string {
  return join(tmpdir(), `dossierdesk-backup-check-${process.pid}-${id}`);
}

const PARTIAL = /^\..+\.([\w-]+)-(\d+)(?:\.db)?\.partial$/;
const CHECK = /^dossierdesk-backup-check-(\d+)-/;

/** Removes what crashed runs of this computer left: partial backups in `folder`, check folders in the temporary folder. */
export function removeBackupLeftovers(folder: string): void {
  const host = hostname().replace(/[^\w-]/g, '_');
  for (const name of safeList(folder)) {
    const match = PARTIAL.exec(name);
    if (match && match[1] === host && !isRunning(Number(match[2]))) rmSync(join(folder, name), { force: true });
  }
  for (const name of safeList(tmpdir())) {
    const match = CHECK.exec(name);
    if (match && !isRunning(Number(match[1]))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
