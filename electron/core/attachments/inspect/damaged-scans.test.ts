import { describe, expect, it } from 'vitest';
import { heicFile, heicPhoto } from '../../../../tests/helpers/heic-files';
import { sampleJpeg, samplePdf, samplePng, sampleTiff } from '../../../../tests/helpers/scan-files';
import { AppError } from '../../../../shared/errors';
import { inspectScan } from '.';

/** A small deterministic generator (mulberry32): the same damage on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('damaged scans', () => {
  it('are accepted or refused with a reason – never another error, never an endless loop', async () => {
    const next = random(13);
    const scans = { jpeg: sampleJpeg('photo-progressive'), png: samplePng(), tiff: sampleTiff(3), bigTiff: sampleTiff(2, { bigTiff: true }), pdf: await samplePdf(2), classicPdf: await samplePdf(2, 'x', { classicXref: true }), heic: heicPhoto(), heicGrid: heicFile({ grid: { rows: 2, columns: 2 }, quarterTurns: 1 }) };
    for (const [kind, scan] of Object.entries(scans)) {
      for (let round = 0; round < 150; round += 1) {
        const damaged = scan.slice();
        for (let flips = 1 + Math.floor(next() * 4); flips > 0; flips -= 1) damaged[Math.floor(next() * damaged.length)] = Math.floor(next() * 256);
        const outcome = await inspectScan(damaged, 'damaged').catch((error: unknown) => error);
        if (outcome instanceof AppError) expect(outcome.code, kind).toBe('VALIDATION');
        else expect(outcome, kind).toHaveProperty('pages');
      }
    }
  });
});
