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
  name: 'database-integrity' | 'schema-version' | 'key-slots' | 'audit-trail' | 'high-water-mark' | 'scans';
  ok: boolean;
  message: string;
  messageEn: string;
}

export interface VerifyReport {
  ok: boolean;
  checks: VerifyCheck[];
  /**
   * The newest audit event and its hash. Recorded outside the archive (an audit report, a
   * printout), it later proves that the history up to it was not rewritten: see `anchors`.
   */
  auditHead: AuditAnchor | null;
  /** Tables and indexes whose pages failed their check (empty when the database is whole). */
  damagedStructures: string[];
  /** Stored scans that failed their check or are missing, named by the dossier and document they are filed in. */
  damagedScans: DamagedScan[];
}

export interface DamagedScan {
  fileId: number;
  /** Null when the file is filed nowhere (a derivative, or filed pages all gone). */
  archiveNumber: string | null;
  /**
   * Where the document stands in the dossier's catalogue (卷内文件目录): its group's name and its
   * number there – never its title, which whoever runs the check (the system administrator under
   * 三员分立) may not read.
   */
  document: { group: string | null; position: number } | null;
}

export interface RepairedIndex {
  /** The index tables that were damaged and built anew. */
  damaged: string[];
  /** Dossiers indexed again in the search index (0 when only other indexes were rebuilt). */
  dossiers: number;
  /** The repaired database replaced the damaged one with the archive locked: sign in again. */
  signedOut: true;
}

export interface RollbackAccepted {
  /** The newest audit event the database still had, and the one the archive had reached. */
  databaseEventId: number;
  markEventId: number | null;
  /** Scopes whose running numbers were moved past the numbers issued before the rollback. */
  numbersAdvanced: Record<string, number>;
  /** Users whose key slot record was renewed to the slot file in use (passwords changed after the point rolled back to). */
  slotsRenewed: string[];
}

/** An audit event id with the hash it had when someone wrote it down. */
export interface AuditAnchor {
  id: number;
  hash: string;
}

export const auditAnchorSchema = z.strictObject({ id: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) });

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
    input: z.strictObject({ anchors: z.array(auditAnchorSchema).max(100).optional() }),
    output: returns<VerifyReport>(),
  }),
  /** An administrator rebuilds damaged indexes from the records (verify says when this helps). */
  'archive:repair-index': mutation({
    access: 'settings.manage',
    input: z.strictObject({}),
    output: returns<RepairedIndex>(),
  }),
  /**
   * An administrator accepts that the archive was rolled back (its lost files cannot be put back):
   * recorded with what was lost, running numbers moved past every number issued before, and
   * writing allowed again.
   */
  'archive:accept-rollback': mutation({
    access: 'settings.manage',
    input: z.strictObject({}),
    output: returns<RollbackAccepted>(),
  }),
};
