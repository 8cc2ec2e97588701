import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../electron/core/core';
import { readStagedFile } from '../electron/core/staging/staged-file-reader';
import { newArchive } from '../tests/helpers/core';
import { filesUnder } from '../tests/helpers/files';
import { sessionProbe } from '../tests/helpers/session-probe';
import { useTempDirs } from '../tests/helpers/temp-dir';
import { STAGING_CHUNK_BYTES, type OutputOf } from './contract';
import { dataOf } from './errors';
import { blobChunks, stageInChunks, type ChunkSource, type StagingCall } from './staging-upload';

const tempDir = useTempDirs();

const callOf =
  (core: Core): StagingCall =>
  async (channel, input) =>
    dataOf(await core.invoke(channel, input, 'ui')) as OutputOf<typeof channel>;

describe('staging a file in chunks (the page’s upload, main’s and the CLI’s reading)', () => {
  it('uploads a browser File in 1 MiB chunks with progress; the core holds the same bytes', async () => {
    const probe = sessionProbe();
    const core = await newArchive(tempDir(), { handlers: probe.handlers });
    const bytes = randomBytes(2 * STAGING_CHUNK_BYTES + 4321);
    const progress: [number, number][] = [];
    const staged = await stageInChunks(blobChunks(new File([bytes], '客户清单.xlsx')), 'import', callOf(core), { onProgress: (sent, total) => progress.push([sent, total]) });
    expect(staged).toMatchObject({ name: '客户清单.xlsx', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(progress).toEqual([0, STAGING_CHUNK_BYTES, 2 * STAGING_CHUNK_BYTES, bytes.length].map((sent) => [sent, bytes.length]));

    const file = (await probe.session(core)).stagedFiles.get(staged.stagedFileId, 'import');
    const parts: Buffer[] = [];
    for await (const part of readStagedFile(file.source)) parts.push(part);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
    await core.close();
  });

  it('discards what was sent when the upload is cancelled', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const cancel = new AbortController();
    const upload = stageInChunks(blobChunks(new File([randomBytes(3 * STAGING_CHUNK_BYTES)], 'a.csv')), 'import', callOf(core), {
      signal: cancel.signal,
      onProgress: (sent) => {
        if (sent > 0) cancel.abort();
      },
    });
    await expect(upload).rejects.toMatchObject({ name: 'AbortError' });
    expect(filesUnder(join(dir, 'staging'))).toEqual([]);
    await core.close();
  });

  it('discards a file that shrank while it was read, and says what is missing', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const shrinking: ChunkSource = { name: 'a.csv', size: 5000, read: (offset) => Promise.resolve(new Uint8Array(offset === 0 ? 3000 : 0)) };
    await expect(stageInChunks(shrinking, 'import', callOf(core))).rejects.toMatchObject({ code: 'CONFLICT', messageEn: 'The file is incomplete: 3000 of 5000 bytes arrived' });
    // (Held in memory while it came: one chunk at most.)
    expect(existsSync(join(dir, 'staging')) ? filesUnder(join(dir, 'staging')) : []).toEqual([]);
    await core.close();
  });
});
