import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import type { Core } from '../core/core';
import { isAppUrl } from './url-policy';

/**
 * One `ipcMain.handle` per contract channel, each straight into the core's wrapper. Calls from any
 * frame that is not the app's own page are refused.
 */
export function registerIpc(core: Core, devServerUrl: string | undefined): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url, devServerUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '调用来源不受信任', messageEn: 'The caller is not trusted' } };
      }
      return core.invoke(channel, input, 'ui');
    });
  }
}
