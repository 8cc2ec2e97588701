import { archiveHandlers } from './archive';
import { dossierHandlers } from './dossier';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import type { HandlerTable } from './types';
import { userHandlers } from './user';

/** The one handler table behind every front door (Electron IPC, harness bridge, CLI). */
export const handlers: HandlerTable = {
  ...archiveHandlers,
  ...sessionHandlers,
  ...userHandlers,
  ...dossierHandlers,
  ...settingsHandlers,
};
