import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { KEY_BYTES, RECORD_BYTES } from './staged-file-format';
import { readWholeStagedFileSync } from './staged-file-reader';
import { StagedFileWriter } from './staged-file-writer';

const tempDir = useTempDirs();

describe('a staged file written as chunks arrive', () => {
  it('lies on disk the same however the bytes were cut into chunks – records sealed from the chunk or after waiting – and reads back whole', () => {
    const key = randomBytes(KEY_BYTES);
    const plaintext = randomBytes(5 * RECORD_BYTES + 1234);
    const cuts = [
      [plaintext.length],
      [1, RECORD_BYTES, RECORD_BYTES - 1, 3 * RECORD_BYTES, 1234 + 2],
      [RECORD_BYTES + 7, 0, 2 * RECORD_BYTES, 2 * RECORD_BYTES - 7 + 1234],
      Array.from({ length: Math.ceil(plaintext.length / 10_000) }, () => 10_000),
    ];
    const written = cuts.map((sizes, n) => {
      const writer = new StagedFileWriter(join(tempDir(), `staged-${n}`), key);
      let at = 0;
      for (const size of sizes) {
        writer.write(plaintext.subarray(at, Math.min(plaintext.length, at + size)));
        at = Math.min(plaintext.length, at + size);
      }
      expect(at).toBe(plaintext.length);
      writer.finish();
      expect(readWholeStagedFileSync({ path: writer.path, key, size: plaintext.length }).equals(plaintext)).toBe(true);
      return readFileSync(writer.path);
    });
    for (const bytes of written.slice(1)) expect(bytes.equals(written[0] as Buffer)).toBe(true);
  });

  it('a file of whole records ends with an empty last record, and an empty file is that record alone', () => {
    const key = randomBytes(KEY_BYTES);
    for (const size of [0, RECORD_BYTES, 2 * RECORD_BYTES]) {
      const plaintext = randomBytes(size);
      const writer = new StagedFileWriter(join(tempDir(), `whole-${size}`), key);
      writer.write(plaintext);
      writer.finish();
      expect(readFileSync(writer.path)).toHaveLength(size + (size / RECORD_BYTES + 1) * 16);
      expect(readWholeStagedFileSync({ path: writer.path, key, size }).equals(plaintext)).toBe(true);
    }
  });
});
