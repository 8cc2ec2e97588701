import { z } from 'zod';
import { DEFAULT_DOSSIER_LEVEL, defaultLevels, levelScaleSchema } from '../levels';
import { mutation, query, returns } from './define';

/** System settings (the system administrator's). */
export const systemSettingsSchema = z.strictObject({
  /** Minutes without activity after which the session locks and the key leaves memory. */
  idleLockMinutes: z.number().int().min(1).max(240),
});

/** Security policy (the security administrator's, or the administrator's without separation). */
export const securityPolicySchema = z.strictObject({
  passwordMinLength: z.number().int().min(8).max(64),
  /** Wrong passwords in a row that lock an account … */
  lockoutAttempts: z.number().int().min(3).max(20),
  /** … for this many minutes. */
  lockoutMinutes: z.number().int().min(1).max(1440),
  levels: levelScaleSchema,
  levelLabelling: z.enum(['name', 'grade']),
  /** Rank of the level new customer dossiers get unless chosen otherwise (内部). */
  defaultDossierLevel: z.number().int().min(0).max(8),
});

export type SystemSettings = z.infer<typeof systemSettingsSchema>;
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export interface Settings extends SystemSettings, SecurityPolicy {
  /** 三员分立: changed only through security:enable-separation / security:disable-separation. */
  threeRoleSeparation: boolean;
}

export const defaultSettings: Settings = {
  idleLockMinutes: 15,
  passwordMinLength: 8,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  levels: defaultLevels,
  levelLabelling: 'name',
  defaultDossierLevel: DEFAULT_DOSSIER_LEVEL,
  threeRoleSeparation: false,
};

export const settingsContract = {
  /** Everything a signed-in screen needs to label and check (levels, policy); no secrets. */
  'settings:get': query({
    access: 'session',
    input: z.strictObject({}),
    output: returns<Settings>(),
  }),
  'settings:update': mutation({
    access: 'settings.manage',
    input: systemSettingsSchema.partial(),
    output: returns<Settings>(),
  }),
};
