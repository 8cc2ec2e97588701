import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/contract';
import { createBindings } from '../../shared/contract/bindings';

// The renderer gets `window.api` – one function per contract channel – and nothing else.
contextBridge.exposeInMainWorld(
  'api',
  createBindings(channelNames, (channel, input) => ipcRenderer.invoke(channel, input)),
);
