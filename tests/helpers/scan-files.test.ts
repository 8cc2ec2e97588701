import { describe, expect, it } from 'vitest';
import { inspectPdf } from './pdf';
import { samplePdf } from './scan-files';

describe('samplePdf', () => {
  it('writes the marker as text a reader extracts and as plain bytes in the file, with a classic table or an xref stream', async () => {
    const marker = 'MARKER-7f3a9c';
    for (const classicXref of [false, true]) {
      const pdf = await samplePdf(2, marker, { classicXref });
      const read = inspectPdf(pdf);
      expect(read.pages).toBe(2);
      expect(read.text).toContain(marker);
      expect(read.text).toContain('Page 2');
      expect(read.check).toContain('No syntax or stream encoding errors');
      expect(Buffer.from(pdf).includes(marker)).toBe(true);
    }
  });
});
