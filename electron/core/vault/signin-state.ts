import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FrontDoor } from '../audit/chain';

/**
 * The sign-in state (`signin-state.json`) beside the key slots. Sign-in has to count wrong
 * passwords and remember failed attempts before any password has opened the database, so this
 * small file holds, per account (keyed like the key slots, by a salted hash of the login):
 * the count of wrong passwords in a row and the lock time; and the failed attempts themselves,
 * each sealed to the archive's sign-in public key (X25519 + AES-256-GCM). Only the private key –
 * kept inside the encrypted database – opens them: at the next successful sign-in they move into
 * the audit trail. The file holds no names and nothing a reader could use; deleting it only
 * resets counters (lockout protects the sign-in screen, not the files – the key derivation does).
 */
export const SIGNIN_STATE_FORMAT = 'dossierdesk.signin-state';
export const SIGNIN_STATE_VERSION = 1;
/** The oldest sealed attempts are dropped beyond this, so a flood of attempts cannot grow the file without end. */
export const MAX_PENDING_ATTEMPTS = 500;

export interface LockoutPolicy {
  maxAttempts: number;
  lockMinutes: number;
}

const sealedSchema = z.object({ epk: z.string(), iv: z.string(), tag: z.string(), data: z.string() });
export type SealedAttempt = z.infer<typeof sealedSchema>;

const stateSchema = z.object({
  format: z.literal(SIGNIN_STATE_FORMAT),
  version: z.literal(SIGNIN_STATE_VERSION),
  policy: z.object({ maxAttempts: z.number().int().min(1), lockMinutes: z.number().int().min(1) }),
  publicKey: z.string().nullable(),
  accounts: z.record(
    z.string(),
    z.object({
      failures: z.number().int().min(0),
      lockedUntil: z.string().nullable(),
      /** Attempts whose password is being tried right now (see signin-tries.ts). */
      trying: z.array(z.object({ id: z.string(), since: z.string(), record: z.string().nullable().default(null) })).default([]),
    }),
  ),
  pending: z.array(sealedSchema),
  dropped: z.number().int().min(0),
});
export type SigninState = z.infer<typeof stateSchema>;

export interface FailedAttempt {
  id: string;
  at: string;
  login: string;
  /**
   * Only a wrong password and an unknown login count towards the lock. `locked`: refused while
   * locked; `stale-slot`: the password fitted a key slot the database does not know (an old or
   * altered keyslots.json), refused as KEY_SLOT_STALE. `signed-in-late`: no failure at all – a
   * sign-in that could not be recorded while another program held the archive (an import).
   * `repair-refused`: the right password of someone who may not repair asked to repair the indexes
   * while signing in – refused, and recorded once the archive can be written again.
   */
  reason: 'wrong-password' | 'unknown-user' | 'locked' | 'stale-slot' | 'signed-in-late' | 'repair-refused';
  frontDoor: FrontDoor;
  /** A password asked for after sign-in: a destruction's witness, or the current one when changing it. */
  purpose?: AttemptPurpose;
}

export type AttemptPurpose = 'witness' | 'change-password';

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxAttempts: 5, lockMinutes: 15 };

export function emptySigninState(policy: LockoutPolicy = DEFAULT_LOCKOUT, publicKey: string | null = null): SigninState {
  return { format: SIGNIN_STATE_FORMAT, version: SIGNIN_STATE_VERSION, policy, publicKey, accounts: {}, pending: [], dropped: 0 };
}

/** A missing or unreadable file is an empty state: it must never stop anyone from signing in. */
export function readSigninState(path: string): SigninState {
  if (!existsSync(path)) return emptySigninState();
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : emptySigninState();
  } catch {
    return emptySigninState();
  }
}

export function signinStateText(state: SigninState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

export function lockedUntil(state: SigninState, account: string, now: Date): Date | null {
  const until = state.accounts[account]?.lockedUntil;
  return until && new Date(until) > now ? new Date(until) : null;
}

/**
 * An attempt's sealed record added to `pending` (null while the state has no public key yet), by
 * which it can be taken back (withoutSealed). Counting is signin-tries.ts's business.
 */
export function withSealedAttempt(state: SigninState, attempt: Omit<FailedAttempt, 'id'>): { state: SigninState; sealed: SealedAttempt | null } {
  const sealed = state.publicKey ? sealAttempt(state.publicKey, { ...attempt, id: randomUUID() }) : null;
  const pending = sealed ? [...state.pending, sealed] : state.pending;
  const overflow = Math.max(0, pending.length - MAX_PENDING_ATTEMPTS);
  return { state: { ...state, pending: pending.slice(overflow), dropped: state.dropped + overflow }, sealed };
}

/** Sealed records of attempts still being tried: not yet failed, so not for the audit trail yet. */
export function undecidedRecords(state: SigninState): Set<string> {
  return new Set(Object.values(state.accounts).flatMap((a) => a.trying.map((t) => t.record).filter((r): r is string => r !== null)));
}

/** The state without these sealed attempts (recognised by their one-off ephemeral key). */
export function withoutSealed(state: SigninState, sealed: readonly SealedAttempt[]): SigninState {
  const gone = new Set(sealed.map((s) => s.epk));
  return { ...state, pending: state.pending.filter((s) => !gone.has(s.epk)) };
}

export function withoutAccount(state: SigninState, account: string): SigninState {
  const { [account]: _removed, ...accounts } = state.accounts;
  return { ...state, accounts };
}

export function newSigninKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

/** The public half of the sign-in key pair, from the private half kept in the database. */
export function signinPublicKey(privateKey: string): string {
  const own = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), type: 'pkcs8', format: 'der' });
  return createPublicKey(own).export({ type: 'spki', format: 'der' }).toString('base64');
}

function recordKey(shared: Buffer, epk: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, epk, 'dossierdesk/v1/signin-attempt', 32));
}

export function sealAttempt(publicKey: string, attempt: FailedAttempt): SealedAttempt {
  const recipient = createPublicKey({ key: Buffer.from(publicKey, 'base64'), type: 'spki', format: 'der' });
  const ephemeral = generateKeyPairSync('x25519');
  const epk = ephemeral.publicKey.export({ type: 'spki', format: 'der' });
  const key = recordKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), epk);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(epk);
  const data = Buffer.concat([cipher.update(JSON.stringify(attempt), 'utf8'), cipher.final()]);
  key.fill(0);
  return { epk: epk.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Opens a sealed attempt with the private key; null if it was not sealed to this key or was altered. */
export function openAttempt(privateKey: string, sealed: SealedAttempt): FailedAttempt | null {
  try {
    const own = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), type: 'pkcs8', format: 'der' });
    const epk = Buffer.from(sealed.epk, 'base64');
    const key = recordKey(diffieHellman({ privateKey: own, publicKey: createPublicKey({ key: epk, type: 'spki', format: 'der' }) }), epk);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(epk);
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    key.fill(0);
    return JSON.parse(text) as FailedAttempt;
  } catch {
    return null;
  }
}
