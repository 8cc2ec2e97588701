/** GB18030 bytes of a text, as Excel on a Chinese Windows saves a CSV. */
export function encodeGb18030(text: string): Uint8Array<ArrayBuffer> {
  // Node has no GB18030 encoder; build a table from its decoder for the characters used.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const encoded = table.get(char);
      if (!encoded) throw new Error(`cannot encode ${char}`);
      bytes.push(...encoded);
    }
  }
  return new Uint8Array(bytes);
}

/** A GB18030 lead byte and a byte no character goes on with: what a damaged or cut-off GBK file holds. */
export const BAD_GB18030 = Uint8Array.of(0x81, 0x20);

/** Text parts as GB18030, with raw bytes between them: `gb18030Bytes('a,', BAD_GB18030, 'b')`. */
export function gb18030Bytes(...parts: (string | Uint8Array)[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat(parts.map((part) => (typeof part === 'string' ? encodeGb18030(part) : part))));
}
