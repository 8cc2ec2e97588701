import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { version } from '../../package.json';
import { runtimePaths } from '../../runtime/paths';
import { CoreClient } from '../core-host/client';
import { startCoreProcess } from './core-process';
import { cliArguments, dataDirArgument } from './args';
import { processIo } from '../cli/io';
import { runCli } from '../cli/program';
import { registerFileDialog } from './file-dialog';
import { registerIpc } from './ipc';
import { startLog } from './log';
import { hardenWebContents, registerAppScheme, serveRenderer } from './security';
import { createMainWindow } from './window';

const cli = cliArguments(process.argv);
if (cli) {
  // The command line of the installed app: no window, the same data folder, the exit code of the command.
  void runCli(cli, { io: processIo, migrationsDir: runtimePaths().migrations, appVersion: version }).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  // One running copy per user: two copies would hold two sessions on one archive.
  app.quit();
} else {
  registerAppScheme();
  void app.whenReady().then(start);
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
