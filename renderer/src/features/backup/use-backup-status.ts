import { useEffect, useRef } from 'react';
import { useChannel } from '../../lib/use-channel';
import { backupsChanged, useReloadOnBackupChanges } from './backup-activity';

/** How often the status is asked again while a backup or drill runs (the schedule's, or another window's). */
const WHILE_RUNNING_MS = 3000;

/** Where the backup schedule stands: asked again when a backup or check ends and, while one runs, every few seconds. */
export function useBackupStatus(enabled = true) {
  const status = useChannel('backup:status', {}, enabled);
  // `reload` only bumps a counter: the first one serves for the component's life.
  const { reload } = status;
  useReloadOnBackupChanges(reload);
  const running = status.data?.running === true;
  const wasRunning = useRef(running);
  useEffect(() => {
    // A run of the schedule (or of another window) ended: the list of backups has changed too.
    if (wasRunning.current && !running) backupsChanged();
    wasRunning.current = running;
  }, [running]);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(reload, WHILE_RUNNING_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one timer while it runs
  }, [running]);
  return status;
}
