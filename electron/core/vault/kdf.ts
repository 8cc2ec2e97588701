import { randomBytes, scrypt } from 'node:crypto';

/**
 * Password → key-encryption key. scrypt is memory-hard and built into Node (it runs on the libuv
 * thread pool, so the Electron main process stays responsive). Parameters are stored with every
 * key slot, so they can be raised later – or another KDF added under a new name – without breaking
 * existing slots.
 */
export interface ScryptParams {
  name: 'scrypt';
  /** CPU/memory cost, a power of two. 2^17 with r=8 uses 128 MiB and takes about 0.4 s here. */
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

export type KdfParams = ScryptParams;

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's recommended scrypt cost for password storage. */
export const DEFAULT_KDF_COST: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

export function newKdfParams(cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(password: string, params: KdfParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalizePassword(password), Buffer.from(params.salt, 'base64'), 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * NFKC, so a password typed with a Chinese input method in full-width mode (ＡＢＣ１２３) opens
 * the same slot as its half-width form.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}
