import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import { deriveSubkey } from '../vault/subkeys';

/**
 * The high-water mark (`high-water.json`): how far the archive has got – its newest audit event
 * (every write records one) and the last running number of every scope – sealed with a key
 * derived from the data key, kept beside the database. The database can lose committed work
 * without noticing (a deleted `-wal`, an old copy of `archive.db` put back, a folder copied
 * without its `-wal`); the mark cannot fall behind with it, so opening compares the two.
 *
 * It is advanced after every commit, without fsync: the commit itself is already durable, so a
 * power cut can only leave the mark behind the database (a weaker check, never a false alarm),
 * and a write costs one small file rename.
 */
export const HIGH_WATER_FORMAT = 'dossierdesk.high-water';
export const HIGH_WATER_VERSION = 1;

export interface HighWaterMark {
  /** The first 16 bytes of the database file (SQLCipher's salt): tells a damaged first page from another archive's database. */
  databaseSalt: string;
  eventId: number;
  eventHash: string;
  eventAt: string;
  /** Running numbers per scope (`XC-2026` → last issued). */
  numbers: Record<string, number>;
}

const sealedSchema = z.object({
  format: z.literal(HIGH_WATER_FORMAT),
  version: z.literal(HIGH_WATER_VERSION),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

const markSchema = z.object({
  databaseSalt: z.string().regex(/^[0-9a-f]{32}$/),
  eventId: z.number().int().min(0),
  eventHash: z.string(),
  eventAt: z.string(),
  numbers: z.record(z.string(), z.number().int().min(0)),
});

export type ReadMark = { state: 'missing' } | { state: 'unreadable' } | { state: 'ok'; mark: HighWaterMark };

export function readHighWaterMark(path: string, dataKey: Uint8Array, archiveId: string): ReadMark {
  if (!existsSync(path)) return { state: 'missing' };
  const key = deriveSubkey(dataKey, 'high-water-mark');
  try {
    const sealed = sealedSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(archiveId, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    return { state: 'ok', mark: markSchema.parse(JSON.parse(text)) };
  } catch {
    // Altered, truncated, or another archive's mark: it proves nothing either way.
    return { state: 'unreadable' };
  } finally {
    key.fill(0);
  }
}

export function writeHighWaterMark(path: string, dataKey: Uint8Array, archiveId: string, mark: HighWaterMark): void {
  const key = deriveSubkey(dataKey, 'high-water-mark');
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(archiveId, 'utf8'));
    const data = Buffer.concat([cipher.update(JSON.stringify(mark), 'utf8'), cipher.final()]);
    const sealed = { format: HIGH_WATER_FORMAT, version: HIGH_WATER_VERSION, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    writeFileAtomic(path, `${JSON.stringify(sealed)}\n`, { durable: false });
  } finally {
    key.fill(0);
  }
}

/** The salt SQLCipher keeps in clear at the start of the database file; null if it cannot be read. */
export function readDatabaseSalt(databaseFile: string): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(databaseFile, 'r');
    const salt = Buffer.alloc(16);
    return readSync(fd, salt, 0, 16, 0) === 16 ? salt.toString('hex') : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
