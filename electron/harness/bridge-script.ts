import { channelNames } from '../../shared/contract';
import { createBindings } from '../../shared/contract/bindings';
import { decodeWire, encodeWire } from '../../shared/wire';

export const TOKEN_HEADER = 'x-dossierdesk-token';

/**
 * The browser side of the harness: defines `window.api` with one function per contract channel –
 * built by the same `createBindings` as the Electron preload – each POSTing to `/api/<channel>`
 * with the run token. The token arrives once in the address (`?token=…`), moves to
 * sessionStorage (scoped to this origin and tab) and leaves the address bar.
 */
export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const createBindings = ${createBindings.toString()};
  const encodeWire = ${encodeWire.toString()};
  const decodeWire = ${decodeWire.toString()};
  const channels = ${JSON.stringify(channelNames)};
  const storageKey = 'dossierdesk.harness-token';
  const params = new URLSearchParams(location.search);
  const fromAddress = params.get('token');
  if (fromAddress) {
    sessionStorage.setItem(storageKey, fromAddress);
    params.delete('token');
    const query = params.toString();
    history.replaceState(history.state, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }
  const token = sessionStorage.getItem(storageKey) || '';
  const unreachable = { ok: false, error: { code: 'INTERNAL', message: '无法连接到本地服务（预览服务已停止？）', messageEn: 'Cannot reach the local service (has the preview server stopped?)' } };
  async function invoke(channel, input) {
    try {
      const response = await fetch('/api/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: token },
        body: encodeWire(input),
      });
      return decodeWire(await response.text());
    } catch {
      return unreachable;
    }
  }
  Object.defineProperty(window, 'api', { value: createBindings(channels, invoke), writable: false, configurable: false });
})();
`;
}
