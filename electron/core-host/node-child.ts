import { fork } from 'node:child_process';
import type { CoreProcess } from './client';
import type { FromCoreHost } from './protocol';

/**
 * The core in a Node child process – the browser preview's equivalent of the app's utility
 * process. Structured clone ("advanced" serialisation) carries bytes as bytes. `execArgv` lets
 * tests run the host from its TypeScript source.
 */
export function forkCoreHost(entry: string, execArgv: string[] = []): CoreProcess {
  const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
  // A message to a process that has just died is lost like its replies: 'exit' settles the calls.
  child.on('error', () => undefined);
  return {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromCoreHost)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
}
