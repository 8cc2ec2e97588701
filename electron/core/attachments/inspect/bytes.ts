/** Small readers over raw bytes, shared by the format checks. */

export function hasBytesAt(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (at < 0 || at + expected.length > bytes.length) return false;
  return expected.every((value, i) => bytes[at + i] === value);
}

/** The bytes as Latin-1 text: one character per byte, so positions in the text are offsets in the file. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  const from = Math.min(Math.max(start, 0), bytes.length);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(end, bytes.length) - from)).toString('latin1');
}

export function hasAsciiAt(bytes: Uint8Array, at: number, text: string): boolean {
  return latin1(bytes, at, at + text.length) === text;
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
