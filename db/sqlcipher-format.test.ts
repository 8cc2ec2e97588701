import { createDecipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../tests/helpers/paths';
import { useTempDirs } from '../tests/helpers/temp-dir';
import { openArchiveDatabase } from './open';

const tempDir = useTempDirs();

/**
 * Decrypts page 1 with Node's own crypto, following the published SQLCipher 4 format, to prove
 * the archive is standard SQLCipher 4 (readable by any SQLCipher 4 client given the key) and not
 * whatever the library happens to write: 4096-byte pages, 80 reserved bytes (16-byte IV + 64-byte
 * HMAC-SHA512), AES-256-CBC, the HMAC key derived with PBKDF2-HMAC-SHA512 (2 rounds) from the
 * key and the file salt XOR 0x3a.
 */
describe('the database file is SQLCipher 4', () => {
  it('page 1 authenticates and decrypts to a SQLite header with the expected page layout', () => {
    const file = join(tempDir(), 'archive.db');
    const key = randomBytes(32);
    openArchiveDatabase({ file, key, migrationsDir, create: true }).close();

    const page = readFileSync(file).subarray(0, 4096);
    const salt = page.subarray(0, 16);
    const ciphertext = page.subarray(16, 4096 - 80);
    const iv = page.subarray(4096 - 80, 4096 - 64);
    const mac = page.subarray(4096 - 64);

    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    const pageNumber = Buffer.alloc(4);
    pageNumber.writeUInt32LE(1);
    const expectedMac = createHmac('sha512', hmacKey).update(ciphertext).update(iv).update(pageNumber).digest();
    expect(mac.equals(expectedMac)).toBe(true);

    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    // The plaintext continues the SQLite header at offset 16.
    expect(plain.readUInt16BE(0)).toBe(4096); // page size
    expect(plain[2]).toBe(2); // write version 2 = WAL
    expect(plain[3]).toBe(2); // read version 2 = WAL
    expect(plain[4]).toBe(80); // reserved bytes per page: IV + HMAC
    expect([plain[5], plain[6], plain[7]]).toEqual([64, 32, 32]); // fixed payload fractions

    const wrongKey = pbkdf2Sync(randomBytes(32), Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    expect(mac.equals(createHmac('sha512', wrongKey).update(ciphertext).update(iv).update(pageNumber).digest())).toBe(false);
  });
});
