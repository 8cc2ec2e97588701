import type { settingsContract } from '../../../shared/contract';
import { readSettings, updateSettings } from '../services/settings/settings';
import type { HandlersFor } from './types';

export const settingsHandlers: HandlersFor<typeof settingsContract> = {
  'settings:get': (ctx) => readSettings(ctx.session().archive.database.db),

  'settings:update': (ctx, input) => {
    const session = ctx.session();
    const { after } = ctx.write(
      (db) => updateSettings(db, input),
      ({ before, after }) => ({ action: 'settings:update', target: { type: 'settings', id: 'archive' }, summary: { before, after } }),
    );
    session.idleLockMinutes = after.idleLockMinutes;
    return after;
  },
};
