import { hkdfSync } from 'node:crypto';

/**
 * Keys derived from the archive's data key (DEK), one per purpose, so no key is used for two
 * things. The DEK itself never leaves the vault and the core.
 */
export type SubkeyPurpose = 'database' | 'key-slot-mac' | 'high-water-mark';

export function deriveSubkey(dataKey: Uint8Array, purpose: SubkeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `dossierdesk/v1/${purpose}`, 32));
}
