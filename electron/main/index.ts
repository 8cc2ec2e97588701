import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { version } from '../../package.json';
import { CoreClient } from '../core-host/client';
import { startCoreProcess } from './core-process';
import { dataDirArgument } from './args';
import { registerFileDialog } from './file-dialog';
import { registerIpc } from './ipc';
import { hardenWebContents, registerAppScheme, serveRenderer } from './security';
import { createMainWindow } from './window';

// One running copy per user: two copies would hold two sessions on one archive.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void app.whenReady().then(start);
}

function dataDir(): string {
  return dataDirArgument(process.argv) ?? (process.env.DOSSIERDESK_DATA_DIR || join(app.getPath('userData'), 'archive'));
}

function start(): void {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const core = new CoreClient(() => startCoreProcess(join(import.meta.dirname, 'core-host.js')), { dataDir: dataDir(), migrationsDir: join(app.getAppPath(), 'db', 'migrations'), appVersion: version }, (line) => console.error(line));
  core.start();

  hardenWebContents(devServerUrl);
  serveRenderer(join(import.meta.dirname, '..', 'renderer'));
  registerIpc(core, devServerUrl);
  registerFileDialog(core, devServerUrl);

  const open = () => createMainWindow({ preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'), devServerUrl, devTools: !app.isPackaged });
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
