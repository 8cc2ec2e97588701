import { highestDossierLevel } from '../../../../db/repositories/dossiers';
import { readSettingValues, writeSettingValue } from '../../../../db/repositories/meta';
import { highestClearance } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import { defaultSettings, securityPolicySchema, systemSettingsSchema, type SecurityPolicy, type Settings, type SystemSettings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { defaultLevels } from '../../../../shared/levels';
import { checkRegisterSettings } from './register-settings';

const shapes = { ...systemSettingsSchema.shape, ...securityPolicySchema.shape };

/** Stored values over the defaults; a stored value that no longer fits its rule falls back to its default. */
export function readSettings(db: Db): Settings {
  const stored = readSettingValues(db);
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const [key, schema] of Object.entries(shapes)) {
    if (key in stored && schema.safeParse(stored[key]).success) merged[key] = stored[key];
  }
  if (typeof stored.threeRoleSeparation === 'boolean') merged.threeRoleSeparation = stored.threeRoleSeparation;
  const settings = merged as unknown as Settings;
  if (settings.defaultDossierLevel >= settings.levels.length) settings.defaultDossierLevel = settings.levels.length - 1;
  // Scales saved before levels had English names: a level still called by a default name gets its English one.
  settings.levels = settings.levels.map((level) => (level.nameEn === undefined ? { ...level, nameEn: defaultLevels.find((d) => d.name === level.name)?.nameEn ?? null } : level));
  return settings;
}

function store(db: Db, changes: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) writeSettingValue(db, key, value);
}

export function updateSystemSettings(db: Db, changes: Partial<SystemSettings>): { before: Settings; after: Settings } {
  const before = readSettings(db);
  checkRegisterSettings(db, changes, before);
  store(db, changes);
  return { before, after: readSettings(db) };
}

/**
 * The security policy. A confidentiality scale may be renamed or re-flagged freely, but not cut
 * below a level some dossier or some user's clearance still uses.
 */
export function updateSecurityPolicy(db: Db, changes: Partial<SecurityPolicy>): { before: Settings; after: Settings } {
  const before = readSettings(db);
  const levels = changes.levels ?? before.levels;
  if (changes.levels) {
    const inUse = Math.max(highestDossierLevel(db), highestClearance(db));
    if (levels.length <= inUse) {
      throw new AppError('CONFLICT', {
        zh: `密级不能少于 ${inUse + 1} 级：已有档案或用户使用第 ${inUse + 1} 级`,
        en: `The scale needs at least ${inUse + 1} levels: dossiers or users use level ${inUse + 1}`,
      });
    }
  }
  const defaultLevel = changes.defaultDossierLevel ?? before.defaultDossierLevel;
  if (defaultLevel >= levels.length) {
    throw new AppError('VALIDATION', { zh: '新档案的默认密级超出了密级表', en: 'The default level for new dossiers is beyond the scale' });
  }
  store(db, changes);
  return { before, after: readSettings(db) };
}

export function storeSeparation(db: Db, on: boolean): void {
  writeSettingValue(db, 'threeRoleSeparation', on);
}
