import { hkdfSync } from 'node:crypto';

/**
 * Keys derived from the archive's data key (DEK), one per purpose, so no key is used for two
 * things. The DEK itself never leaves the vault and the core.
 */
export type SubkeyPurpose =
  | 'database'
  | 'key-slot-mac'
  | 'high-water-mark'
  /** Names stored scans by a keyed hash of their content: equal files share one, and a name reveals nothing. */
  | 'attachment-name'
  /** Seals stored scans (each file under its own key derived from this one and a random salt). */
  | 'attachment-content'
  /** Seals the manifest of a backup (what it holds, with the hashes it is checked against). */
  | 'backup-manifest';

export function deriveSubkey(dataKey: Uint8Array, purpose: SubkeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `dossierdesk/v1/${purpose}`, 32));
}
