import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { CoreEndpoint } from '../core-host/client';
import { isAppUrl } from './url-policy';

/** Calls from any frame that is not the app's own page are refused. */
export function fromAppPage(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  return isAppUrl(event.senderFrame?.url ?? '', devServerUrl);
}

export const untrustedCaller: Envelope<never> = { ok: false, error: { code: 'FORBIDDEN', message: '调用来源不受信任', messageEn: 'The caller is not trusted' } };

/** One `ipcMain.handle` per contract channel, each relayed to the core's process. */
export function registerIpc(core: CoreEndpoint, devServerUrl: string | undefined): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => (fromAppPage(event, devServerUrl) ? core.invoke(channel, input, 'ui') : untrustedCaller));
  }
}
