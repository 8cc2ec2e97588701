import type { Settings, settingsContract } from '../../../shared/contract';
import { backupFolder } from '../services/backup/backup-folder';
import { checkScanInboxSetting } from '../services/inbox/inbox-setting';
import { readSettings, updateSystemSettings } from '../services/settings/settings';
import type { HandlersFor } from './types';

/** The settings a change names, as they were or are: what the audit trail records of it. */
const changed = (settings: Settings, input: object) => Object.fromEntries(Object.keys(input).map((key) => [key, settings[key as keyof Settings]]));

export const settingsHandlers: HandlersFor<typeof settingsContract> = {
  'settings:get': (ctx) => readSettings(ctx.session().archive.database.db),

  'settings:update': (ctx, input) => {
    const session = ctx.session();
    if (input.scanInbox) checkScanInboxSetting(input.scanInbox, session.archive.paths.dataDir);
    if (input.backup && input.backup.folder !== '') backupFolder(input.backup.folder, session.archive.paths.dataDir);
    const { after } = ctx.write(
      (db) => updateSystemSettings(db, input),
      ({ before, after }) => ({ action: 'settings:update', target: { type: 'settings', id: 'archive' }, summary: { before: changed(before, input), after: changed(after, input) } }),
    );
    session.idleLockMinutes = after.idleLockMinutes;
    return after;
  },
};
