import { isAppUrl } from './url-policy';

/**
 * The one permission the window grants: the camera (video only, never the microphone) for
 * document capture, asked by the app's own page in its main frame. Everything else – screen
 * capture, notifications, location, USB/serial/HID devices, clipboard reads – is refused. Kept
 * free of `electron` imports so it is tested in plain Node.
 */
export interface PermissionAsk {
  permission: string;
  /** The page asking: a request's requestingUrl, a check's requestingOrigin. */
  url: string;
  isMainFrame: boolean;
  /** A request's `mediaTypes` (what getUserMedia wants), or a check's single `mediaType`. */
  mediaTypes: readonly string[];
}

export function grantsPermission(ask: PermissionAsk, devServerUrl?: string): boolean {
  return ask.permission === 'media' && ask.isMainFrame && isAppUrl(ask.url, devServerUrl) && ask.mediaTypes.length > 0 && ask.mediaTypes.every((type) => type === 'video');
}
