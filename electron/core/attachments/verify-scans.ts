import { findDossierById } from '../../../db/repositories/dossiers';
import { allScanFiles, knownAddresses, placesOfFiles, storedOriginals } from '../../../db/repositories/scans';
import type { Db } from '../../../db/open';
import type { DamagedScan, VerifyCheck } from '../../../shared/contract';
import { contentAddress, SealBroken } from './sealed-file';
import { derivedAddressesOf, removeDamagedDerivedFiles } from './derived-files';
import { listStoredFiles, readStoredFile, removeStoredFile, scanKeys, wipeScanKeys } from './file-store';

/** A file nobody refers to is collected once it is this old: younger, it may be another program's write about to be recorded. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

export interface ScanVerdict {
  check: VerifyCheck;
  damaged: DamagedScan[];
  orphansCollected: number;
  /** Page images and thumbnails that failed their check: removed, to be made again (not the archive's damage). */
  derivedRemoved: number;
}

/**
 * `verify` for the scans: every stored file read whole, each record's tag checked and its content
 * address computed again; a damaged or missing file is named by dossier and document. Files no
 * record refers to (a write interrupted before it was recorded) are collected. Page images and
 * thumbnails kept in the store are no record's and not the archive's: one that fails its check is
 * removed (it is made again when asked for), and they are never taken for orphans.
 */
export function verifyScans(db: Db, root: string, dataKey: Uint8Array, now: Date): ScanVerdict {
  const files = allScanFiles(db);
  const keys = scanKeys(dataKey);
  const broken: number[] = [];
  let derivedRemoved: number;
  let orphansCollected: number;
  try {
    for (const file of files) {
      try {
        const plaintext = readStoredFile(root, keys, file.address, file.size);
        if (contentAddress(keys.name, plaintext) !== file.address) broken.push(file.id);
      } catch (error) {
        if (!(error instanceof SealBroken)) throw error;
        broken.push(file.id);
      }
    }
    const derived = derivedAddressesOf(keys.name, storedOriginals(db));
    derivedRemoved = removeDamagedDerivedFiles(root, keys.content, derived);
    orphansCollected = collectFrom(root, keptAddresses(db, derived), now);
  } finally {
    wipeScanKeys(keys);
  }
  const places = placesOfFiles(db, broken);
  const damaged = broken.map((id): DamagedScan => {
    const place = places.get(id);
    const dossier = place ? findDossierById(db, place.dossierId) : null;
    return { fileId: id, archiveNumber: dossier?.archiveNumber ?? null, documentTitle: place?.documentTitle ?? null };
  });
  const tidied = {
    zh: (orphansCollected > 0 ? `；已清理 ${orphansCollected} 个无记录的残留文件` : '') + (derivedRemoved > 0 ? `；已移除 ${derivedRemoved} 个损坏的页面图像缓存（需要时自动重新生成）` : ''),
    en: (orphansCollected > 0 ? `; ${orphansCollected} leftover file(s) no record refers to were collected` : '') + (derivedRemoved > 0 ? `; ${derivedRemoved} damaged cached page image(s) were removed (they are made again when needed)` : ''),
  };
  if (damaged.length === 0) {
    return { check: { name: 'scans', ok: true, message: `全部 ${files.length} 个扫描文件完好${tidied.zh}`, messageEn: `All ${files.length} scan file(s) are intact${tidied.en}` }, damaged, orphansCollected, derivedRemoved };
  }
  const named = damaged.map((d) => (d.archiveNumber ? `${d.archiveNumber}“${d.documentTitle ?? ''}”` : `#${d.fileId}`));
  return {
    check: {
      name: 'scans',
      ok: false,
      message: `${damaged.length} 个扫描文件已损坏或缺失：${named.join('、')}；请从备份恢复${tidied.zh}`,
      messageEn: `${damaged.length} scan file(s) are damaged or missing: ${named.join(', ')}; restore them from a backup${tidied.en}`,
    },
    damaged,
    orphansCollected,
    derivedRemoved,
  };
}

/**
 * Removes stored and temporary files no record refers to, once they are old enough not to be a
 * write under way. The page images and thumbnails of a stored original are referred to by it.
 */
export function collectOrphans(db: Db, root: string, nameKey: Uint8Array, now: Date): number {
  return collectFrom(root, keptAddresses(db, derivedAddressesOf(nameKey, storedOriginals(db))), now);
}

/** The addresses the store keeps: every recorded file and what is derived from the originals. */
function keptAddresses(db: Db, derived: ReadonlySet<string>): Set<string> {
  const known = knownAddresses(db);
  for (const address of derived) known.add(address);
  return known;
}

function collectFrom(root: string, known: ReadonlySet<string>, now: Date): number {
  let collected = 0;
  for (const entry of listStoredFiles(root)) {
    if ((entry.address !== null && known.has(entry.address)) || now.getTime() - entry.modifiedAt < ORPHAN_AGE_MS) continue;
    try {
      removeStoredFile(entry.path);
      collected += 1;
    } catch {
      // A folder that cannot be written keeps its leftovers; they harm nothing and the next verify tries again.
    }
  }
  return collected;
}
