import { z } from 'zod';
import { mutation, query, returns } from './define';

export const settingsSchema = z.strictObject({
  /** Minutes without activity after which the session locks and the key leaves memory. */
  idleLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { idleLockMinutes: 15 };

export const settingsContract = {
  'settings:get': query({
    access: 'session',
    input: z.strictObject({}),
    output: returns<Settings>(),
  }),
  'settings:update': mutation({
    access: 'settings.manage',
    input: settingsSchema.partial(),
    output: returns<Settings>(),
  }),
};
