import { readSettingValues, writeSettingValue } from '../../../../db/repositories/meta';
import type { Db } from '../../../../db/open';
import { defaultSettings, settingsSchema, type Settings } from '../../../../shared/contract';

/** Stored values over the defaults; a stored value that no longer fits the schema falls back to its default. */
export function readSettings(db: Db): Settings {
  const stored = readSettingValues(db);
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (key in stored && schema.safeParse(stored[key]).success) merged[key] = stored[key];
  }
  return settingsSchema.parse(merged);
}

export function updateSettings(db: Db, changes: Partial<Settings>): { before: Settings; after: Settings } {
  const before = readSettings(db);
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) writeSettingValue(db, key, value);
  }
  return { before, after: readSettings(db) };
}
