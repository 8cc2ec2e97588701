import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire';

describe('wire encoding for the harness bridge', () => {
  it('round-trips plain data and bytes (Uint8Array and Buffer)', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const value = { text: '档案', n: 3, list: [1, null, 'x'], nested: { bytes, buffer: Buffer.from([1, 2, 3]) } };
    const decoded = decodeWire(encodeWire(value)) as typeof value;
    expect(decoded.text).toBe('档案');
    expect(decoded.list).toEqual([1, null, 'x']);
    expect(decoded.nested.bytes).toEqual(bytes);
    expect(Array.from(decoded.nested.buffer)).toEqual([1, 2, 3]);
  });

  it('leaves an object that merely has a $bytes key among others alone', () => {
    expect(decodeWire('{"$bytes":"AA==","other":1}')).toEqual({ $bytes: 'AA==', other: 1 });
  });
});
