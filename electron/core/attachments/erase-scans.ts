import { derivedAddressesOf } from './derived-files';
import { removeStoredFile, storedPath } from './file-store';

/**
 * Removes erased originals from the store, with every page image and thumbnail made from them.
 * Called after the erasure is committed: a file left behind by a crash or a file that cannot be
 * removed is then nobody's, and verify collects it as an orphan. Returns the files removed.
 */
export function eraseStoredFiles(root: string, nameKey: Uint8Array, originals: readonly { address: string; pages: number }[]): number {
  let removed = 0;
  const addresses = [...originals.map((o) => o.address), ...derivedAddressesOf(nameKey, originals)];
  for (const address of addresses) {
    try {
      removeStoredFile(storedPath(root, address));
      removed += 1;
    } catch {
      // Left for verify's orphan collection (see above).
    }
  }
  return removed;
}
