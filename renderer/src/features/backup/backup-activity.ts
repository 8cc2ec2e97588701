import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { BackupChecked, BackupTaken } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { backupFilePath } from './backup-path';

/**
 * What this window has under way with backups. It lives outside any page: a backup or a check
 * takes seconds to minutes, the user may open another page meanwhile, and on coming back the
 * backup page still shows it running and then its result.
 */
export interface BackupActivity {
  creating: boolean;
  /** File names of the backups being checked now. */
  verifying: ReadonlySet<string>;
  /** The backup this window took last, with its checks. */
  lastTaken: BackupTaken | null;
  /** The latest check of each backup checked in this window, by file name. */
  checked: ReadonlyMap<string, BackupChecked>;
  /** Counts the backups and checks that ended here or by the schedule: status and list are read again. */
  changes: number;
}

let activity: BackupActivity = { creating: false, verifying: new Set(), lastTaken: null, checked: new Map(), changes: 0 };
const listeners = new Set<() => void>();

function update(change: (current: BackupActivity) => Partial<BackupActivity>): void {
  activity = { ...activity, ...change(activity) };
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBackupActivity(): BackupActivity {
  return useSyncExternalStore(subscribe, () => activity);
}

/** Calls `reload` (a channel's, which only asks again) whenever a backup or check ended after the component first drew. */
export function useReloadOnBackupChanges(reload: () => void): void {
  const { changes } = useBackupActivity();
  const seen = useRef(changes);
  useEffect(() => {
    if (seen.current === changes) return;
    seen.current = changes;
    reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked again only when a backup or check ended
  }, [changes]);
}

/** Something changed the backups (a scheduled backup or drill ran): whoever shows them asks again. */
export function backupsChanged(): void {
  update((current) => ({ changes: current.changes + 1 }));
}

/** Takes a backup into the folder now; a refusal is thrown, a backup that failed its check is returned (ok: false). */
export async function takeBackup(folder: string): Promise<BackupTaken> {
  update(() => ({ creating: true, lastTaken: null }));
  try {
    const taken = await call('backup:create', { folder });
    update(() => ({ lastTaken: taken }));
    return taken;
  } finally {
    update((current) => ({ creating: false, changes: current.changes + 1 }));
  }
}

/** The restore drill of one backup in the folder; a refusal is thrown. */
export async function checkBackup(folder: string, fileName: string): Promise<BackupChecked> {
  update((current) => ({ verifying: new Set([...current.verifying, fileName]) }));
  try {
    const checked = await call('backup:verify', { file: backupFilePath(folder, fileName) });
    update((current) => ({ checked: new Map([...current.checked, [fileName, checked]]) }));
    return checked;
  } finally {
    update((current) => ({ verifying: new Set([...current.verifying].filter((name) => name !== fileName)), changes: current.changes + 1 }));
  }
}
