import { utilityProcess } from 'electron';
import type { CoreProcess } from '../core-host/client';
import type { FromCoreHost } from '../core-host/protocol';

/**
 * The core in an Electron utility process: the database, the services and their worker threads
 * run there, so main keeps only windows, dialogs, menus and the relay of calls.
 */
export function startCoreProcess(entry: string): CoreProcess {
  const child = utilityProcess.fork(entry, [], { serviceName: 'DossierDesk core', stdio: 'inherit' });
  let alive = true;
  child.on('exit', () => {
    alive = false;
  });
  return {
    post: (message) => {
      if (alive) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromCoreHost)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => {
      child.kill();
    },
  };
}
