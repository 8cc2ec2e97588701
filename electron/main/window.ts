import { BrowserWindow } from 'electron';
import { APP_ENTRY } from './url-policy';

export interface WindowOptions {
  preload: string;
  devServerUrl: string | undefined;
  devTools: boolean;
}

export function createMainWindow({ preload, devServerUrl, devTools }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'DossierDesk 客户档案管理系统',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY);
  return window;
}
