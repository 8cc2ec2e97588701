/**
 * One Content-Security-Policy builder for the meta tag in index.html, the header Electron adds to
 * the app:// responses, and the header of the harness bridge.
 *
 * Scripts: only the app's own files – no inline script, no eval, no remote origin.
 * Styles: the app's own files plus inline <style>, because the UI kit (antd) writes its design
 * tokens as CSS variables into a <style> element at run time, even in its zero-runtime mode. This
 * is safe here: every origin other than the app itself is blocked for images, fonts and
 * connections, so injected CSS has nowhere to send data.
 */
export interface CspOptions {
  /** `meta` omits directives browsers ignore in a meta element (frame-ancestors). */
  delivery: 'meta' | 'header';
  /** Development only: the Vite dev server origin, for module loading and hot reload. */
  devServer?: string;
}

export function buildCsp({ delivery, devServer }: CspOptions): string {
  const dev = devServer ? [devServer, devServer.replace(/^http/, 'ws')] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", ...(devServer ? [devServer, "'unsafe-inline'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...dev],
    // The document camera's live picture (a local media stream).
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  if (delivery === 'header') directives['frame-ancestors'] = ["'none'"];
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
