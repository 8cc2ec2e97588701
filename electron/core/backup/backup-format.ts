import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { deriveSubkey } from '../vault/subkeys';

/**
 * A backup is one file, a tar archive (any tar tool lists it) of what is already encrypted:
 *
 *   keyslots.json        the key slots – a backup opens with a password of the archive, nothing else
 *   archive.db           the database as one snapshot (VACUUM INTO), under the archive's database key
 *   scans/<address>      every stored scan the snapshot refers to, sealed as in the store
 *   manifest.sealed      what the backup holds, with the SHA-256 of every entry, sealed with a key
 *                        derived from the data key (last: it is written once everything is counted)
 *
 * Nothing in it is plaintext but the entry names; a scan's name is a keyed hash that says nothing.
 */
export const BACKUP_EXTENSION = '.ddbackup';
export const ENTRY = { keySlots: 'keyslots.json', database: 'archive.db', manifest: 'manifest.sealed', scanPrefix: 'scans/' } as const;
export const MANIFEST_FORMAT = 'dossierdesk.backup';
export const MANIFEST_VERSION = 1;

/** `DossierDesk-备份-20261130-143005.ddbackup`: sorts by time, and says what it is in a folder listing. */
export function backupFileName(takenAt: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${takenAt.getFullYear()}${p(takenAt.getMonth() + 1)}${p(takenAt.getDate())}-${p(takenAt.getHours())}${p(takenAt.getMinutes())}${p(takenAt.getSeconds())}`;
  return `DossierDesk-备份-${stamp}${BACKUP_EXTENSION}`;
}

export function isBackupFileName(name: string): boolean {
  return name.endsWith(BACKUP_EXTENSION) && !name.startsWith('.');
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const address = z.string().regex(/^[0-9a-f]{64}$/);
const entrySchema = z.object({ size: z.number().int().min(0), sha256 });

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  backupId: z.string().uuid(),
  archiveId: z.string(),
  takenAt: z.string(),
  takenBy: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  /** Why it was taken: by hand, on schedule, or after an important event (its audit action). */
  reason: z.string(),
  keySlots: entrySchema,
  database: entrySchema,
  /** Content address → the sealed file's size and hash. */
  scans: z.record(address, entrySchema),
  /** Scans the snapshot refers to that the store had lost when the backup was taken (not in it). */
  missingScans: z.array(address),
  /** Scans carried as they were although they failed their check (the archive's `verify` names them too). */
  damagedScans: z.array(address),
  counts: z.object({ dossiers: z.number().int(), documents: z.number().int(), scanFiles: z.number().int(), users: z.number().int(), auditEvents: z.number().int() }),
  auditHead: z.object({ id: z.number().int(), hash: z.string(), at: z.string() }).nullable(),
  /** Running numbers per scope as taken (a restore of an older backup names what was issued after). */
  numbers: z.record(z.string(), z.number().int()),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

const sealedSchema = z.object({ format: z.literal(MANIFEST_FORMAT), version: z.literal(MANIFEST_VERSION), archiveId: z.string(), iv: z.string(), tag: z.string(), data: z.string() });

/** The manifest sealed with AES-256-GCM under a key derived from the data key, bound to the archive. */
export function sealManifest(manifestKey: Uint8Array, manifest: BackupManifest): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', manifestKey, iv);
  cipher.setAAD(Buffer.from(manifest.archiveId, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(manifest), 'utf8'), cipher.final()]);
  const sealed = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, archiveId: manifest.archiveId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  return Buffer.from(`${JSON.stringify(sealed)}\n`, 'utf8');
}

/** Which archive a sealed manifest belongs to, readable without its key (to say "another archive's backup"). */
export function manifestArchiveId(sealed: Uint8Array): string | null {
  try {
    return sealedSchema.parse(JSON.parse(Buffer.from(sealed).toString('utf8'))).archiveId;
  } catch {
    return null;
  }
}

/** The manifest, or null when it is not one, was altered, or belongs to another archive (another key). */
export function openManifest(manifestKey: Uint8Array, sealed: Uint8Array): BackupManifest | null {
  try {
    const outer = sealedSchema.parse(JSON.parse(Buffer.from(sealed).toString('utf8')));
    const decipher = createDecipheriv('aes-256-gcm', manifestKey, Buffer.from(outer.iv, 'base64'));
    decipher.setAAD(Buffer.from(outer.archiveId, 'utf8'));
    decipher.setAuthTag(Buffer.from(outer.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(outer.data, 'base64')), decipher.final()]).toString('utf8');
    const manifest = manifestSchema.parse(JSON.parse(text));
    return manifest.archiveId === outer.archiveId ? manifest : null;
  } catch {
    return null;
  }
}

export function manifestKeyOf(dataKey: Uint8Array): Buffer {
  return deriveSubkey(dataKey, 'backup-manifest');
}
