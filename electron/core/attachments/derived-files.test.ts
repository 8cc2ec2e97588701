import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derivedAddress, derivedAddressesOf, plaintextSizeOf } from './derived-files';
import { contentAddress, RECORD_BYTES, sealedSize, sealFile, openSealedFile } from './sealed-file';

describe('derived files (page images and thumbnails kept in the scan store)', () => {
  it('are named from the original, the page and the size, under the key: nothing else gives the same name', () => {
    const key = randomBytes(32);
    const original = contentAddress(key, Buffer.from('a scan'));
    const name = derivedAddress(key, original, 1, 'thumbnail');
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(derivedAddress(key, original, 1, 'thumbnail')).toBe(name);
    expect(new Set([name, derivedAddress(key, original, 0, 'thumbnail'), derivedAddress(key, original, 1, 'view'), derivedAddress(randomBytes(32), original, 1, 'thumbnail'), original]).size).toBe(5);
    expect(derivedAddressesOf(key, [{ address: original, pages: 3 }])).toEqual(new Set([0, 1, 2].flatMap((page) => [derivedAddress(key, original, page, 'thumbnail'), derivedAddress(key, original, page, 'view')])));
  });

  it('need no recorded size: a sealed file’s length tells it, and a length no plaintext gives is refused', () => {
    for (const size of [0, 1, 1000, RECORD_BYTES - 1, RECORD_BYTES, RECORD_BYTES + 1, 3 * RECORD_BYTES, 3 * RECORD_BYTES + 17]) {
      expect(plaintextSizeOf(sealedSize(size))).toBe(size);
    }
    expect(plaintextSizeOf(sealedSize(RECORD_BYTES) + 1)).toBeNull();
    expect(plaintextSizeOf(sealedSize(0) - 1)).toBeNull();
    // A file cut at a record's edge has the length of a smaller one, and fails its check (its last record is not marked last).
    const key = randomBytes(32);
    const address = contentAddress(key, Buffer.from('x'));
    const sealed = sealFile(key, address, randomBytes(2 * RECORD_BYTES + 5));
    const cut = sealed.subarray(0, sealedSize(2 * RECORD_BYTES));
    expect(plaintextSizeOf(cut.length)).toBe(2 * RECORD_BYTES);
    expect(() => openSealedFile(key, address, cut, 2 * RECORD_BYTES)).toThrow();
  });
});
