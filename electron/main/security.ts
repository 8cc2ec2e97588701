import { app, protocol, session, type WebContents } from 'electron';
import { buildCsp } from '../../shared/csp';
import { readStaticFile } from '../core/fs/static-files';
import { grantsPermission } from './permission-policy';
import { APP_HOST, APP_SCHEME, isAppUrl } from './url-policy';

/**
 * Must run before the app is ready: app:// is a standard, secure origin (so 'self' in the CSP means
 * it). With codeCache, V8 keeps the compiled renderer scripts between starts (Chromium does that for
 * http(s) only unless a scheme asks): from the second start on, the first screen skips compiling.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Serves the built renderer from app://dossierdesk/ with the CSP header; nothing outside its folder. */
export function serveRenderer(rendererDir: string): void {
  const csp = buildCsp({ delivery: 'header' });
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
    });
  });
}

/**
 * Locks every web contents down: no navigation away from the app, no new windows and no
 * hand-over to the system browser (a compromised page could use it to send data out), no
 * <webview>, no permissions except the camera for document capture from the app itself
 * (permission-policy.ts).
 */
export function hardenWebContents(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(grantsPermission({ permission, url: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes }, devServerUrl));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    grantsPermission({ permission, url: requestingOrigin, isMainFrame: details.isMainFrame, mediaTypes: details.mediaType ? [details.mediaType] : [] }, devServerUrl),
  );
  // No USB, serial or HID device is ever handed to the page (a document camera is a video input).
  session.defaultSession.setDevicePermissionHandler(() => false);

  if (devServerUrl) {
    // The dev server sends no CSP of its own; give its pages the development policy.
    const csp = buildCsp({ delivery: 'header', devServer: new URL(devServerUrl).origin });
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
}
