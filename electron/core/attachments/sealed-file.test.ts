import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentAddress, HEADER_BYTES, openSealedFile, RECORD_BYTES, sealedSize, sealFile, SealBroken } from './sealed-file';

const contentKey = randomBytes(32);
const nameKey = randomBytes(32);

function sealed(plaintext: Buffer) {
  const address = contentAddress(nameKey, plaintext);
  return { address, bytes: sealFile(contentKey, address, plaintext) };
}

describe('a sealed scan', () => {
  it('opens to its plaintext, for empty, one-record and many-record files, and for its head alone', () => {
    for (const size of [0, 1, RECORD_BYTES - 1, RECORD_BYTES, RECORD_BYTES + 1, 3 * RECORD_BYTES + 17]) {
      const plaintext = randomBytes(size);
      const { address, bytes } = sealed(plaintext);
      expect(bytes.length).toBe(sealedSize(size));
      expect(openSealedFile(contentKey, address, bytes, size).equals(plaintext)).toBe(true);
      expect(openSealedFile(contentKey, address, bytes, size, 10).equals(plaintext.subarray(0, 10))).toBe(true);
    }
  });

  it('is named by a keyed hash: equal content, equal name; another key, another name; the plaintext’s plain hash is not the name', () => {
    const plaintext = Buffer.from('一车一档');
    expect(contentAddress(nameKey, plaintext)).toBe(contentAddress(nameKey, Buffer.from('一车一档')));
    expect(contentAddress(randomBytes(32), plaintext)).not.toBe(contentAddress(nameKey, plaintext));
    // Sealed twice, the same content gives different bytes (each file its own salt and key).
    const address = contentAddress(nameKey, plaintext);
    expect(sealFile(contentKey, address, plaintext).equals(sealFile(contentKey, address, plaintext))).toBe(false);
  });

  it('refuses a flipped byte anywhere, a file cut short or lengthened, a record moved, another key, and a file put under another’s name', () => {
    const plaintext = randomBytes(2 * RECORD_BYTES + 100);
    const { address, bytes } = sealed(plaintext);
    const size = plaintext.length;
    for (const at of [0, 5, HEADER_BYTES, HEADER_BYTES + RECORD_BYTES, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      expect(() => openSealedFile(contentKey, address, flipped, size), `byte ${at}`).toThrow(SealBroken);
    }
    expect(() => openSealedFile(contentKey, address, bytes.subarray(0, bytes.length - 1), size)).toThrow(SealBroken);
    expect(() => openSealedFile(contentKey, address, Buffer.concat([bytes, Buffer.alloc(1)]), size)).toThrow(SealBroken);
    const slot = RECORD_BYTES + 16;
    const swapped = Buffer.concat([bytes.subarray(0, HEADER_BYTES), bytes.subarray(HEADER_BYTES + slot, HEADER_BYTES + 2 * slot), bytes.subarray(HEADER_BYTES, HEADER_BYTES + slot), bytes.subarray(HEADER_BYTES + 2 * slot)]);
    expect(() => openSealedFile(contentKey, address, swapped, size)).toThrow(SealBroken);
    expect(() => openSealedFile(randomBytes(32), address, bytes, size)).toThrow(SealBroken);
    const other = sealed(randomBytes(size));
    expect(() => openSealedFile(contentKey, address, other.bytes, size)).toThrow(SealBroken);
  });
});
