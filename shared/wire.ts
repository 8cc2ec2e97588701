/**
 * JSON for the harness bridge with the one thing JSON lacks and Electron IPC has: bytes.
 * A Uint8Array travels as `{"$bytes": "<base64>"}`. Both functions are self-contained (no
 * imports, no outer names), because the harness also ships their source to the browser.
 */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, key: string, item: unknown) {
    // `this[key]` is the value before toJSON (a Buffer would already be {type, data} in `item`).
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Uint8Array) {
      const bytes = raw;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { $bytes: btoa(binary) };
    }
    return item;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key: string, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      const encoded = (item as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof encoded === 'string') {
        const binary = atob(encoded);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
        return bytes;
      }
    }
    return item;
  });
}
