import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { z } from 'zod';
import { FILE_DIALOG_IPC, stagingPurposes, stagingRules, type OutputOf, type StagedFileInfo, type StagingPurpose } from '../../shared/contract';
import { AppError, dataOf, type Envelope } from '../../shared/errors';
import type { StagingCall } from '../../shared/staging-upload';
import type { Core } from '../core/core';
import { toAppError } from '../core/errors';
import { stageLocalFile } from '../core/staging/stage-local-file';
import { fromAppPage, untrustedCaller } from './ipc';

const purposeSchema = z.enum(stagingPurposes);

function dialogOptions(purpose: StagingPurpose): OpenDialogOptions {
  const { label, extensions } = stagingRules[purpose];
  return {
    title: `选择${label.zh} / Choose: ${label.en}`,
    properties: ['openFile'],
    filters: extensions.length > 0 ? [{ name: `${label.zh} / ${label.en}`, extensions: [...extensions] }] : [],
  };
}

/**
 * "Pick a file for <purpose>": main shows the native dialog and stages the chosen file itself,
 * through the same staging channels and the same session as the window's own calls. The page
 * learns the staged file's id, name and size – never its path.
 */
export function registerFileDialog(core: Core, devServerUrl: string | undefined): void {
  const call: StagingCall = async (channel, input) => dataOf(await core.invoke(channel, input, 'ui')) as OutputOf<typeof channel>;
  ipcMain.handle(FILE_DIALOG_IPC, async (event: IpcMainInvokeEvent, rawPurpose: unknown): Promise<Envelope<StagedFileInfo | null>> => {
    if (!fromAppPage(event, devServerUrl)) return untrustedCaller;
    const purpose = purposeSchema.safeParse(rawPurpose);
    if (!purpose.success) return { ok: false, error: new AppError('VALIDATION').toPayload() };
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = dialogOptions(purpose.data);
    const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const path = picked.filePaths[0];
    if (picked.canceled || path === undefined) return { ok: true, data: null };
    try {
      return { ok: true, data: await stageLocalFile(path, purpose.data, call) };
    } catch (error) {
      return { ok: false, error: toAppError(error).toPayload() };
    }
  });
}
