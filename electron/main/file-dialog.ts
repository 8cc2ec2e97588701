import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { z } from 'zod';
import { FILE_DIALOG_IPC, stagingPurposes, stagingRules, type StagedFileInfo, type StagingPurpose } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';
import type { CoreEndpoint } from '../core-host/client';
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
 * "Pick a file for <purpose>": main shows the native dialog and the core's process stages the
 * chosen file, through the same staging channels and the same session as the window's own calls.
 * The page learns the staged file's id, name and size – never its path.
 */
export function registerFileDialog(core: CoreEndpoint, devServerUrl: string | undefined): void {
  ipcMain.handle(FILE_DIALOG_IPC, async (event: IpcMainInvokeEvent, rawPurpose: unknown): Promise<Envelope<StagedFileInfo | null>> => {
    if (!fromAppPage(event, devServerUrl)) return untrustedCaller;
    const purpose = purposeSchema.safeParse(rawPurpose);
    if (!purpose.success) return { ok: false, error: new AppError('VALIDATION').toPayload() };
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = dialogOptions(purpose.data);
    const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const path = picked.filePaths[0];
    if (picked.canceled || path === undefined) return { ok: true, data: null };
    return core.stageLocalFile(path, purpose.data);
  });
}
