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
