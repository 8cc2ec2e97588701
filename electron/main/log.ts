import { app } from 'electron';
import log from 'electron-log/main';
import { join } from 'node:path';
import { rotateLogFile } from './log-rotation';

const MAX_LOG_BYTES = 1024 * 1024;

/**
 * The program's log: `logs/main.log` in the user-data folder (beside the archive folder), rotated
 * at 1 MB with five earlier files kept. It holds what the core reports as unexpected – each with
 * the reference the user was shown – and errors of main itself; never passwords, keys or field
 * values (the core logs causes and stacks, not inputs). Returns the function lines are logged with.
 */
export function startLog(): (line: string) => void {
  log.transports.file.resolvePathFn = () => logFile();
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.transports.file.archiveLogFn = (full) => {
    try {
      rotateLogFile(full.path);
    } catch {
      // A log that cannot be rotated (a file held open elsewhere) is emptied rather than lost with the error.
      full.clear();
    }
  };
  log.transports.console.level = app.isPackaged ? false : 'info';
  log.errorHandler.startCatching({ showDialog: false });
  log.info(`DossierDesk ${app.getVersion()} started`);
  return (line) => log.error(line);
}

export function logFile(): string {
  return join(app.getPath('userData'), 'logs', 'main.log');
}
