import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

/**
 * Counts the AES ciphers made in the test's own thread (node:crypto's createCipheriv and
 * createDecipheriv, as the code under test imports them) until `undo()` – call it in a `finally`:
 * which work ran on the core's thread and which on a thread of its own.
 */
export interface CipherWatch {
  readonly made: number;
  undo(): void;
}

type Maker = 'createCipheriv' | 'createDecipheriv';

export function watchCiphers(): CipherWatch {
  const calls = crypto as unknown as Record<Maker, (...args: unknown[]) => unknown>;
  const originals = { createCipheriv: calls.createCipheriv, createDecipheriv: calls.createDecipheriv };
  let made = 0;
  for (const name of ['createCipheriv', 'createDecipheriv'] as const) {
    calls[name] = (...args: unknown[]) => {
      made += 1;
      return originals[name](...args);
    };
  }
  syncBuiltinESMExports();
  return {
    get made() {
      return made;
    },
    undo() {
      calls.createCipheriv = originals.createCipheriv;
      calls.createDecipheriv = originals.createDecipheriv;
      syncBuiltinESMExports();
    },
  };
}
