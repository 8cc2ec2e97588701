import type { settingsContract } from '../../../shared/contract';
import { readSettings, updateSystemSettings } from '../services/settings/settings';
import type { HandlersFor } from './types';

export const settingsHandlers: HandlersFor<typeof settingsContract> = {
  'settings:get': (ctx) => readSettings(ctx.session().archive.database.db),

  'settings:update': (ctx, input) => {
    const session = ctx.session();
    const { after } = ctx.write(
      (db) => updateSystemSettings(db, input),
      ({ before, after }) => ({ action: 'settings:update', target: { type: 'settings', id: 'archive' }, summary: { before: { idleLockMinutes: before.idleLockMinutes }, after: { idleLockMinutes: after.idleLockMinutes } } }),
    );
    session.idleLockMinutes = after.idleLockMinutes;
    return after;
  },
};
