import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { normalizeLogin } from '../../../shared/schemas';
import { writeFileAtomic } from '../fs/atomic-write';
import { deriveKey, newKdfParams, type KdfCost, type KdfParams } from './kdf';
import { deriveSubkey } from './subkeys';

/**
 * The key slot file (`keyslots.json`) beside the database: for every user, the archive's data key
 * wrapped with AES-256-GCM under a key derived from that user's password. It holds no business
 * data and no user names: a slot is found by a salted hash of the login.
 */
export const KEY_SLOT_FORMAT = 'dossierdesk.keyslots';
export const KEY_SLOT_VERSION = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const slotSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
  }),
  wrap: z.object({ name: z.literal('aes-256-gcm'), iv: base64, tag: base64, data: base64 }),
});

const fileSchema = z.object({
  format: z.literal(KEY_SLOT_FORMAT),
  version: z.literal(KEY_SLOT_VERSION),
  archiveId: z.uuid(),
  lookupSalt: base64,
  // Parsed one by one below: a slot this build cannot read must not lock out every other user.
  slots: z.array(z.unknown()),
});

export type KeySlot = z.infer<typeof slotSchema>;

export interface KeySlotFile {
  format: typeof KEY_SLOT_FORMAT;
  version: typeof KEY_SLOT_VERSION;
  archiveId: string;
  lookupSalt: string;
  slots: KeySlot[];
  /** Slots written by a newer build (e.g. another KDF): kept untouched when the file is rewritten. */
  foreignSlots?: unknown[];
}

export function newKeySlotFile(archiveId: string): KeySlotFile {
  return { format: KEY_SLOT_FORMAT, version: KEY_SLOT_VERSION, archiveId, lookupSalt: randomBytes(16).toString('base64'), slots: [] };
}

export function readKeySlotFile(path: string): KeySlotFile {
  if (!existsSync(path)) throw new AppError('ARCHIVE_NOT_FOUND');
  return parseKeySlotFile(readFileSync(path, 'utf8'));
}

/** A key slot file's text (read from the data folder, or from a backup). */
export function parseKeySlotFile(text: string): KeySlotFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw damaged(error);
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > KEY_SLOT_VERSION) {
    throw new AppError('ARCHIVE_TOO_NEW', {
      zh: `密钥槽文件格式版本 ${version} 由更新版本的程序写入，请升级本程序`,
      en: `The key slot file (format version ${version}) was written by a newer version of the program; upgrade first`,
    });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw damaged(parsed.error);
  const slots: KeySlot[] = [];
  const foreignSlots: unknown[] = [];
  for (const candidate of parsed.data.slots) {
    const slot = slotSchema.safeParse(candidate);
    if (slot.success) slots.push(slot.data);
    else foreignSlots.push(candidate);
  }
  const { slots: _all, ...header } = parsed.data;
  return { ...header, format: KEY_SLOT_FORMAT, version: KEY_SLOT_VERSION, slots, ...(foreignSlots.length ? { foreignSlots } : {}) };
}

/** The file's text; slots of newer builds are written back as they were read. */
export function keySlotFileText(file: KeySlotFile): string {
  const { foreignSlots = [], ...rest } = file;
  return `${JSON.stringify({ ...rest, slots: [...file.slots, ...foreignSlots] }, null, 2)}\n`;
}

export function writeKeySlotFile(path: string, file: KeySlotFile): void {
  writeFileAtomic(path, keySlotFileText(file));
}

export function slotIdFor(file: KeySlotFile, login: string): string {
  return createHash('sha256').update(Buffer.from(file.lookupSalt, 'base64')).update(normalizeLogin(login), 'utf8').digest('hex');
}

export async function createSlot(file: KeySlotFile, login: string, password: string, dataKey: Uint8Array, cost?: KdfCost): Promise<KeySlot> {
  const id = slotIdFor(file, login);
  const kdf = newKdfParams(cost);
  const kek = await deriveKey(password, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(additionalData(file, id, kdf));
    const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      id,
      kdf,
      wrap: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') },
    };
  } finally {
    kek.fill(0);
  }
}

/**
 * Unwraps the data key with a user's password. An unknown login costs the same key derivation as
 * a wrong password and gives the same answer, so neither timing nor message tells them apart.
 */
export async function openSlot(file: KeySlotFile, login: string, password: string): Promise<Buffer> {
  return (await unlockSlot(file, login, password)).dataKey;
}

export interface UnlockedSlot {
  dataKey: Buffer;
  /** Every slot of this login that the password opened (more than one only in a file with duplicated slots). */
  opened: KeySlot[];
}

/**
 * Like openSlot, and tells which slots the password opened, so the caller can check them against
 * the database's record (slotMacMatches). A file that holds the same login's slot twice (an old
 * slot put back beside the current one) has each tried: the answer is the same as if only the
 * slot this password fits were there.
 */
export async function unlockSlot(file: KeySlotFile, login: string, password: string): Promise<UnlockedSlot> {
  const id = slotIdFor(file, login);
  const candidates = file.slots.filter((s) => s.id === id);
  if (candidates.length === 0) {
    await deriveKey(password, file.slots[0]?.kdf ?? DUMMY_KDF);
    if (file.foreignSlots?.some((s) => (s as { id?: unknown } | null)?.id === id)) {
      throw new AppError('ARCHIVE_TOO_NEW', { zh: '此用户的密钥槽由更新版本的程序写入，请升级本程序', en: "This user's key slot was written by a newer version of the program; upgrade first" });
    }
    throw new AppError('WRONG_PASSWORD');
  }
  let dataKey: Buffer | null = null;
  const opened: KeySlot[] = [];
  for (const slot of candidates) {
    const key = await unwrap(file, slot, password);
    if (!key) continue;
    opened.push(slot);
    if (dataKey) key.fill(0);
    else dataKey = key;
  }
  if (!dataKey) throw new AppError('WRONG_PASSWORD');
  return { dataKey, opened };
}

/** The data key, or null when the password (or the slot) is wrong. */
async function unwrap(file: KeySlotFile, slot: KeySlot, password: string): Promise<Buffer | null> {
  const kek = await deriveKey(password, slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrap.iv, 'base64'));
    decipher.setAAD(additionalData(file, slot.id, slot.kdf));
    decipher.setAuthTag(Buffer.from(slot.wrap.tag, 'base64'));
    const head = decipher.update(Buffer.from(slot.wrap.data, 'base64'));
    const tail = decipher.final();
    const dataKey = Buffer.concat([head, tail]);
    head.fill(0);
    tail.fill(0);
    return dataKey;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/** Adds or replaces the slot with this id (a newer build's slot with the same id included). */
export function withSlot(file: KeySlotFile, slot: KeySlot): KeySlotFile {
  const rest = withoutSlot(file, slot.id);
  return { ...rest, slots: [...rest.slots, slot] };
}

export function withoutSlot(file: KeySlotFile, slotId: string): KeySlotFile {
  const foreignSlots = file.foreignSlots?.filter((s) => (s as { id?: unknown } | null)?.id !== slotId);
  return { ...file, slots: file.slots.filter((s) => s.id !== slotId), ...(foreignSlots?.length ? { foreignSlots } : { foreignSlots: undefined }) };
}

export function findSlot(file: KeySlotFile, login: string): KeySlot | undefined {
  const id = slotIdFor(file, login);
  return file.slots.find((s) => s.id === id);
}

/** Stored in the (encrypted) database with the user: lets `verify` detect an altered or swapped slot. */
export function slotMac(dataKey: Uint8Array, archiveId: string, slot: KeySlot): string {
  const key = deriveSubkey(dataKey, 'key-slot-mac');
  try {
    return createHmac('sha256', key).update(JSON.stringify([archiveId, slot.id, slot.kdf, slot.wrap])).digest('hex');
  } finally {
    key.fill(0);
  }
}

export function slotMacMatches(dataKey: Uint8Array, archiveId: string, slot: KeySlot, expected: string | null): boolean {
  if (!expected) return false;
  const actual = Buffer.from(slotMac(dataKey, archiveId, slot), 'hex');
  const wanted = Buffer.from(expected, 'hex');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}

function additionalData(file: KeySlotFile, slotId: string, kdf: KdfParams): Buffer {
  return Buffer.from(JSON.stringify([KEY_SLOT_FORMAT, KEY_SLOT_VERSION, file.archiveId, slotId, kdf]), 'utf8');
}

const DUMMY_KDF: KdfParams = newKdfParams();

function damaged(cause: unknown): AppError {
  return new AppError('ARCHIVE_DAMAGED', { zh: '密钥槽文件已损坏，无法读取', en: 'The key slot file is damaged and cannot be read' }, { cause });
}
