import { useEffect } from 'react';
import { call } from '../../lib/api';
import { backupsChanged } from './backup-activity';

/** How often the window asks whether a scheduled backup or restore drill is due. */
const CHECK_EVERY_MS = 5 * 60_000;

/**
 * Asks the core to take the backup or drill that is due, after sign-in and every five minutes,
 * whoever is signed in; silently – a failed run shows in the backup status (page, workbench).
 */
export function BackupScheduler() {
  useEffect(() => {
    const runDue = () => {
      call('backup:run-due', {}).then(
        (run) => run.ran && backupsChanged(),
        () => undefined,
      );
    };
    runDue();
    const timer = setInterval(runDue, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
