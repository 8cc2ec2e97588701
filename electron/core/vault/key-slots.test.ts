import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { FAST_KDF } from '../../../tests/helpers/core';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import {
  createSlot,
  findSlot,
  newKeySlotFile,
  openSlot,
  readKeySlotFile,
  slotIdFor,
  slotMac,
  slotMacMatches,
  unlockSlot,
  withSlot,
  writeKeySlotFile,
  type KeySlotFile,
} from './key-slots';

const tempDir = useTempDirs();

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
}

async function fileWithSlot(login: string, password: string, dataKey: Buffer): Promise<KeySlotFile> {
  const file = newKeySlotFile(randomUUID());
  return withSlot(file, await createSlot(file, login, password, dataKey, FAST_KDF));
}

describe('key slots', () => {
  it('wraps the data key per user and unwraps it with the right password only', async () => {
    const dataKey = randomBytes(32);
    let file = await fileWithSlot('zhangsan', 'first-password', dataKey);
    file = withSlot(file, await createSlot(file, 'lisi', 'second-password', dataKey, FAST_KDF));
    expect(file.slots).toHaveLength(2);

    expect(await openSlot(file, 'zhangsan', 'first-password')).toEqual(dataKey);
    expect(await openSlot(file, 'LiSi', 'second-password')).toEqual(dataKey);
    expect(await codeOf(openSlot(file, 'zhangsan', 'second-password'))).toBe('WRONG_PASSWORD');
    expect(await codeOf(openSlot(file, 'nobody', 'first-password'))).toBe('WRONG_PASSWORD');
  });

  it('accepts a password typed in full-width mode (NFKC)', async () => {
    const dataKey = randomBytes(32);
    const file = await fileWithSlot('wangwu', 'Abc12345', dataKey);
    expect(await openSlot(file, 'wangwu', 'Ａｂｃ１２３４５')).toEqual(dataKey);
  });

  it('holds no user names and stores the KDF parameters with each slot', async () => {
    const file = await fileWithSlot('zhaoliu', 'a-password', randomBytes(32));
    const text = JSON.stringify(file);
    expect(text).not.toContain('zhaoliu');
    expect(file.slots[0]?.kdf).toMatchObject({ name: 'scrypt', N: FAST_KDF.N, r: 8, p: 1 });
  });

  it('rejects a slot whose archive, parameters, salt, iv or ciphertext were altered (authenticated encryption)', async () => {
    const dataKey = randomBytes(32);
    const file = await fileWithSlot('zhangsan', 'the-password', dataKey);
    const slot = file.slots[0];
    if (!slot) throw new Error('no slot');
    const flip = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    const variants: KeySlotFile[] = [
      { ...file, archiveId: randomUUID() },
      withSlot(file, { ...slot, kdf: { ...slot.kdf, N: slot.kdf.N * 2 } }),
      withSlot(file, { ...slot, kdf: { ...slot.kdf, r: slot.kdf.r + 1 } }),
      withSlot(file, { ...slot, kdf: { ...slot.kdf, salt: flip(slot.kdf.salt) } }),
      withSlot(file, { ...slot, wrap: { ...slot.wrap, iv: flip(slot.wrap.iv) } }),
      withSlot(file, { ...slot, wrap: { ...slot.wrap, tag: flip(slot.wrap.tag) } }),
      withSlot(file, { ...slot, wrap: { ...slot.wrap, data: flip(slot.wrap.data) } }),
    ];
    for (const variant of variants) expect(await codeOf(openSlot(variant, 'zhangsan', 'the-password'))).toBe('WRONG_PASSWORD');
    expect(await openSlot(file, 'zhangsan', 'the-password')).toEqual(dataKey);
  });

  it('a slot written by a newer build (unknown KDF) locks out only its own user and survives a rewrite', async () => {
    const dir = tempDir();
    const path = join(dir, 'keyslots.json');
    const dataKey = randomBytes(32);
    const file = await fileWithSlot('zhangsan', 'the-password', dataKey);
    const foreign = { id: slotIdFor(file, 'lisi'), kdf: { name: 'argon2id', m: 65536, t: 3, p: 1, salt: 'AAAA' }, wrap: { name: 'aes-256-gcm', iv: 'AA==', tag: 'AA==', data: 'AA==' } };
    writeFileSync(path, JSON.stringify({ ...file, slots: [...file.slots, foreign] }));

    const read = readKeySlotFile(path);
    expect(await openSlot(read, 'zhangsan', 'the-password')).toEqual(dataKey);
    expect(await codeOf(openSlot(read, 'lisi', 'whatever'))).toBe('ARCHIVE_TOO_NEW');
    writeKeySlotFile(path, withSlot(read, await createSlot(read, 'wangwu', 'third-password', dataKey, FAST_KDF)));
    expect((JSON.parse(readFileSync(path, 'utf8')) as { slots: unknown[] }).slots).toContainEqual(foreign);
  });

  it('round-trips through the file and refuses a newer or damaged format', async () => {
    const dir = tempDir();
    const path = join(dir, 'keyslots.json');
    const file = await fileWithSlot('zhangsan', 'the-password', randomBytes(32));
    writeKeySlotFile(path, file);
    expect(readKeySlotFile(path)).toEqual(file);

    writeFileSync(path, JSON.stringify({ ...file, version: 99 }));
    expect(() => readKeySlotFile(path)).toThrowError(expect.objectContaining({ code: 'ARCHIVE_TOO_NEW' }));
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 40));
    expect(() => readKeySlotFile(path)).toThrowError(expect.objectContaining({ code: 'ARCHIVE_DAMAGED' }));
    expect(() => readKeySlotFile(join(dir, 'missing.json'))).toThrowError(expect.objectContaining({ code: 'ARCHIVE_NOT_FOUND' }));
  });

  it('binds each slot to the database record by a MAC under the data key', async () => {
    const dataKey = randomBytes(32);
    const file = await fileWithSlot('zhangsan', 'the-password', dataKey);
    const slot = findSlot(file, 'zhangsan');
    if (!slot) throw new Error('no slot');
    const mac = slotMac(dataKey, file.archiveId, slot);
    expect(slotMacMatches(dataKey, file.archiveId, slot, mac)).toBe(true);
    const renewed = await createSlot(file, 'zhangsan', 'the-password', dataKey, FAST_KDF);
    expect(slotMacMatches(dataKey, file.archiveId, renewed, mac)).toBe(false);
    expect(slotMacMatches(randomBytes(32), file.archiveId, slot, mac)).toBe(false);
    expect(slotMacMatches(dataKey, file.archiveId, slot, null)).toBe(false);
  });

  it('with a slot put back beside the current one, the password opens the slot it fits, whichever comes first', async () => {
    const dataKey = randomBytes(32);
    const file = await fileWithSlot('zhangsan', 'old-password', dataKey);
    const old = findSlot(file, 'zhangsan');
    const current = await createSlot(file, 'zhangsan', 'new-password', dataKey, FAST_KDF);
    if (!old) throw new Error('no slot');
    for (const slots of [
      [old, current],
      [current, old],
    ]) {
      const both = { ...file, slots };
      expect(await unlockSlot(both, 'zhangsan', 'new-password')).toEqual({ dataKey, opened: [current] });
      expect(await unlockSlot(both, 'zhangsan', 'old-password')).toEqual({ dataKey, opened: [old] });
      expect(await codeOf(unlockSlot(both, 'zhangsan', 'third-password'))).toBe('WRONG_PASSWORD');
    }
  });
});
