/**
 * Which addresses the app window may show and which may open outside. Kept free of `electron`
 * imports so it is tested in plain Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dossierdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The app's own pages: the app:// origin, or the Vite dev server during development. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  return parsed.origin === new URL(devServerUrl).origin;
}
