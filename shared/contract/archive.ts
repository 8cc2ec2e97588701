import { z } from 'zod';
import { displayNameSchema, loginSchema, passwordSchema } from '../schemas';
import { mutation, query, returns } from './define';
import type { SessionInfo } from './session';

export interface ArchiveStatus {
  /** `missing`: no archive yet (first run); `incomplete`: a database without its key slot file. */
  state: 'missing' | 'ready' | 'incomplete';
  dataDir: string;
}

export interface ArchiveInfo {
  dataDir: string;
  archiveId: string;
  createdAt: string;
  /** Database schema version (number of applied migrations) and what this build knows. */
  schemaVersion: number;
  keySlotFormatVersion: number;
  counts: { users: number; activeUsers: number; dossiers: number; auditEvents: number };
}

export interface VerifyCheck {
  name: 'database-integrity' | 'schema-version' | 'key-slots' | 'audit-trail';
  ok: boolean;
  message: string;
  messageEn: string;
}

export interface VerifyReport {
  ok: boolean;
  checks: VerifyCheck[];
}

export const archiveContract = {
  'archive:status': query({
    access: 'public',
    input: z.strictObject({}),
    output: returns<ArchiveStatus>(),
  }),
  /** First run: creates the encrypted archive with its administrator and signs the administrator in. */
  'archive:create': mutation({
    access: 'public',
    input: z.strictObject({
      admin: z.strictObject({ login: loginSchema, displayName: displayNameSchema, password: passwordSchema }),
    }),
    output: returns<SessionInfo>(),
  }),
  'archive:info': query({
    access: 'session',
    input: z.strictObject({}),
    output: returns<ArchiveInfo>(),
  }),
  'archive:verify': query({
    access: 'archive.verify',
    input: z.strictObject({}),
    output: returns<VerifyReport>(),
  }),
};
