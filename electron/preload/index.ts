import { contextBridge, ipcRenderer } from 'electron';
import { createBindings } from '../../shared/contract/bindings';
import { channelNames, FILE_DIALOG_IPC, type FileDialogBinding } from '../../shared/contract/channel-names';

// The renderer gets `window.api` – one function per contract channel – and the desktop's file
// dialog, which hands back a staged file (never a path). Nothing else. Only the channels' names
// come in: the schemas are checked in the core, not here.
contextBridge.exposeInMainWorld(
  'api',
  createBindings(channelNames, (channel, input) => ipcRenderer.invoke(channel, input)),
);
const fileDialog: FileDialogBinding = { pick: (purpose) => ipcRenderer.invoke(FILE_DIALOG_IPC, purpose) };
contextBridge.exposeInMainWorld('fileDialog', fileDialog);
