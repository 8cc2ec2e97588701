import type { FromCoreHost, HostPort, ToCoreHost } from './protocol';
import { serveCore } from './host';

/**
 * Entry of the core's process (built as out/main/core-host.js). In the app it is an Electron
 * utility process, which talks through `process.parentPort`; in the browser preview a Node child
 * process, which talks through `process.send` and ends when its parent goes.
 */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

/** A failure nobody caught still reaches the program's log before the process ends. */
function reportCrashes(post: (message: FromCoreHost) => void): void {
  const report = (error: unknown) => {
    try {
      post({ kind: 'log', message: `[dossierdesk] the core process failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
    } finally {
      setTimeout(() => process.exit(1), 100);
    }
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}

if (parentPort) {
  const port: HostPort = {
    post: (message) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ToCoreHost)),
  };
  reportCrashes((message) => port.post(message));
  serveCore(port, () => process.exit(0));
} else if (process.send) {
  let sent: Promise<void> = Promise.resolve();
  const port: HostPort = {
    post: (message: FromCoreHost) => {
      sent = new Promise((resolve) => process.send?.(message, undefined, undefined, () => resolve()));
    },
    onMessage: (listener) => process.on('message', (message) => listener(message as ToCoreHost)),
  };
  reportCrashes((message) => port.post(message));
  const exit = () => void sent.then(() => process.exit(0));
  const host = serveCore(port, exit);
  // Ctrl+C reaches the whole process group: the parent ends the session (shutdown) before this process goes.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  // The front door went away without a word (killed): the session ends as at quitting, then the process.
  process.on('disconnect', () => void host.stop().then(() => process.exit(0)));
} else {
  console.error('core-host: start me as an Electron utility process or a Node child process with IPC');
  process.exit(2);
}
