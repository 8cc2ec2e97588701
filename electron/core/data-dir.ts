import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const APP_NAME = 'DossierDesk';

/**
 * The desktop app's user-data folder, computed the way Electron computes `app.getPath('userData')`
 * for this app name, so the CLI and the harness find the same archive as the desktop app without
 * loading Electron.
 */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_NAME);
  return posix.join(env.XDG_CONFIG_HOME ?? posix.join(home, '.config'), APP_NAME);
}

/** The archive lives in its own folder inside the user-data folder, apart from Chromium's caches. */
export function defaultDataDir(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv, home?: string): string {
  const target = platform ?? process.platform;
  return (target === 'win32' ? win32 : posix).join(userDataDir(target, env, home), 'archive');
}

/** `--data-dir`, else `DOSSIERDESK_DATA_DIR`, else the default. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? (env.DOSSIERDESK_DATA_DIR || defaultDataDir());
}
