import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { version } from '../../package.json';
import { runtimePaths } from '../../runtime/paths';
import { CoreClient } from '../core-host/client';
import { startCoreProcess } from './core-process';
import { cliArguments, dataDirArgument } from './args';
import { registerFileDialog } from './file-dialog';
import { registerIpc } from './ipc';
import { startLog } from './log';
import { hardenWebContents, registerAppScheme, serveRenderer } from './security';
import { createMainWindow } from './window';

const cli = cliArguments(process.argv);
if (cli) {
  // The command line of the installed app: no window, the same data folder, the exit code of the command.
  void runInstalledCli(cli).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  // One running copy per user: two copies would hold two sessions on one archive.
  app.quit();
} else {
  registerAppScheme();
  void app.whenReady().then(start);
}

/** Loaded only for `--cli`, so that starting the window does not load the command line. */
async function runInstalledCli(args: string[]): Promise<number> {
  try {
    const [{ runCli }, { processIo }] = await Promise.all([import('../cli/program'), import('../cli/io')]);
    const code = await runCli(args, { io: processIo, migrationsDir: runtimePaths().migrations, appVersion: version });
    // Output to a pipe is written asynchronously: all of it goes before the process does.
    await Promise.all([drained(process.stdout), drained(process.stderr)]);
    return code;
  } catch (error) {
    process.stderr.write(`DossierDesk --cli: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.writableNeedDrain) resolve();
    else stream.once('drain', () => resolve());
  });
}

function dataDir(): string {
  return dataDirArgument(process.argv) ?? (process.env.DOSSIERDESK_DATA_DIR || join(app.getPath('userData'), 'archive'));
}

function start(): void {
  const logLine = startLog();
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const paths = runtimePaths();
  const core = new CoreClient(() => startCoreProcess(paths.entries.coreHost), { dataDir: dataDir(), migrationsDir: paths.migrations, appVersion: version }, logLine);
  core.start();

  hardenWebContents(devServerUrl);
  serveRenderer(paths.renderer);
  registerIpc(core, devServerUrl);
  registerFileDialog(core, devServerUrl);

  const open = () => createMainWindow({ preload: paths.preload, devServerUrl, devTools: !app.isPackaged });
  let window = open();

  app.on('second-instance', () => {
    if (window.isDestroyed()) window = open();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = open();
  });
  app.on('window-all-closed', () => app.quit());

  // Record the end of the session and wipe the key before the process goes.
  let shutDown = false;
  app.on('before-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    void core.shutdown().finally(() => {
      shutDown = true;
      app.quit();
    });
  });
}
