import type Database from 'better-sqlite3';

const HEX = '0123456789abcdef';

/**
 * The SQLCipher raw-key literal `x'<64 hex>'` as bytes, built without ever making the key a
 * JavaScript string (strings cannot be wiped). The caller zeroes the buffer after use.
 */
export function rawKeyLiteral(key: Uint8Array): Buffer {
  if (key.length !== 32) throw new RangeError('the database key must be 32 bytes');
  const literal = Buffer.alloc(3 + key.length * 2);
  literal[0] = 0x78; // x
  literal[1] = 0x27; // '
  key.forEach((byte, i) => {
    literal[2 + i * 2] = HEX.charCodeAt(byte >> 4);
    literal[3 + i * 2] = HEX.charCodeAt(byte & 0x0f);
  });
  literal[literal.length - 1] = 0x27;
  return literal;
}

/** Keys a fresh connection as SQLCipher 4 with the raw 256-bit key (the caller wipes `key`). */
export function applyKey(sqlite: Database.Database, key: Uint8Array): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  const literal = rawKeyLiteral(key);
  try {
    sqlite.key(literal);
  } finally {
    literal.fill(0);
  }
}
