import { contextBridge, ipcRenderer } from 'electron';
import { createBindings } from '../../shared/contract/bindings';
import { channelNames } from '../../shared/contract/channel-names';

// The renderer gets `window.api` – one function per contract channel – and nothing else. Only the
// channels' names come in: the schemas are checked in the core, not here.
contextBridge.exposeInMainWorld(
  'api',
  createBindings(channelNames, (channel, input) => ipcRenderer.invoke(channel, input)),
);
