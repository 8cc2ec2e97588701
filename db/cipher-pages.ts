import { closeSync, openSync, readSync } from 'node:fs';
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';

// SQLCipher 4 as db/open.ts keys it (raw key, defaults): 4096-byte pages, each ending in a 16-byte
// IV and a 64-byte HMAC-SHA512; the first 16 bytes of page 1 are the file's salt, stored in clear.
const PAGE_SIZE = 4096;
const RESERVE = 80;
const SALT = 16;
/** Page size, write/read versions (WAL), reserve, payload fractions: the SQLite header from byte 16. */
const HEADER_AFTER_SALT = Buffer.from([0x10, 0x00, 2, 2, RESERVE, 64, 32, 32]);

/**
 * Whether `key` is this file's key although SQLCipher refuses to open it, i.e. the first page is
 * damaged rather than the key wrong. The encryption itself does not depend on the salt, so page 1
 * decrypting to a SQLite header proves the key even when the salt was hit; otherwise page 2
 * authenticating under the file's salt proves it. A foreign file or a wrong key passes neither.
 */
export function keyFitsDespiteFirstPage(file: string, key: Uint8Array): boolean {
  const [first, second] = readPages(file, 2);
  if (!first) return false;
  if (decryptsToHeader(first, key)) return true;
  return second !== undefined && authenticates(second, 2, key, first.subarray(0, SALT));
}

function decryptsToHeader(page: Buffer, key: Uint8Array): boolean {
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const start = decipher.update(page.subarray(SALT, SALT + 16));
  return start.subarray(0, HEADER_AFTER_SALT.length).equals(HEADER_AFTER_SALT);
}

function authenticates(page: Buffer, pageNumber: number, key: Uint8Array, salt: Buffer): boolean {
  const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pageNumber);
  const mac = createHmac('sha512', hmacKey).update(page.subarray(0, PAGE_SIZE - 64)).update(number).digest();
  hmacKey.fill(0);
  return mac.equals(page.subarray(PAGE_SIZE - 64));
}

function readPages(file: string, count: number): Buffer[] {
  const fd = openSync(file, 'r');
  try {
    const pages: Buffer[] = [];
    for (let i = 0; i < count; i += 1) {
      const page = Buffer.alloc(PAGE_SIZE);
      if (readSync(fd, page, 0, PAGE_SIZE, i * PAGE_SIZE) < PAGE_SIZE) break;
      pages.push(page);
    }
    return pages;
  } finally {
    closeSync(fd);
  }
}
