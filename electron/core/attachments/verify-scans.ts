import { statSync } from 'node:fs';
import { findDossierById } from '../../../db/repositories/dossiers';
import { definitionOf } from '../services/dossiers/dossier-summary';
import { erasedFileCount } from '../../../db/repositories/disposal';
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
    if (!place || !dossier) return { fileId: id, archiveNumber: null, document: null };
    const group = place.groupKey ? (definitionOf(db, dossier)?.groups.find((g) => g.key === place.groupKey)?.name ?? place.groupKey) : null;
    return { fileId: id, archiveNumber: dossier.archiveNumber, document: { group, position: place.position } };
  });
  // Erased by a destruction: recorded, so expected gone – named, never taken for missing.
  const erased = erasedFileCount(db);
  const tidied = {
    zh: (erased > 0 ? `；另有 ${erased} 个扫描文件已随档案销毁而删除（已登记）` : '') + (orphansCollected > 0 ? `；已清理 ${orphansCollected} 个无记录的残留文件` : '') + (derivedRemoved > 0 ? `；已移除 ${derivedRemoved} 个损坏的页面图像缓存（需要时自动重新生成）` : ''),
    en: (erased > 0 ? `; ${erased} more scan file(s) were erased with destroyed dossiers (recorded)` : '') + (orphansCollected > 0 ? `; ${orphansCollected} leftover file(s) no record refers to were collected` : '') + (derivedRemoved > 0 ? `; ${derivedRemoved} damaged cached page image(s) were removed (they are made again when needed)` : ''),
  };
  if (damaged.length === 0) {
    return { check: { name: 'scans', ok: true, message: `全部 ${files.length} 个扫描文件完好${tidied.zh}`, messageEn: `All ${files.length} scan file(s) are intact${tidied.en}` }, damaged, orphansCollected, derivedRemoved };
  }
  const named = damaged.map((d) => ({ zh: placeWords(d, 'zh'), en: placeWords(d, 'en') }));
  return {
    check: {
      name: 'scans',
      ok: false,
      message: `${damaged.length} 个扫描文件已损坏或缺失：${named.map((n) => n.zh).join('、')}；请从备份恢复${tidied.zh}`,
      messageEn: `${damaged.length} scan file(s) are damaged or missing: ${named.map((n) => n.en).join('; ')}; restore them from a backup${tidied.en}`,
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
      // Looked at again just before: another program's filing may have taken this old file up (and touched it) since the listing.
      if (now.getTime() - statSync(entry.path).mtimeMs < ORPHAN_AGE_MS) continue;
      removeStoredFile(entry.path);
      collected += 1;
    } catch {
      // A folder that cannot be written keeps its leftovers; they harm nothing and the next verify tries again.
    }
  }
  return collected;
}

/** A damaged file by its place in the catalogue: the dossier, the document's group and number. */
function placeWords(d: DamagedScan, language: 'zh' | 'en'): string {
  if (!d.archiveNumber || !d.document) return language === 'zh' ? `未归入卷内文件的扫描文件 #${d.fileId}` : `scan file #${d.fileId} (filed nowhere)`;
  const group = d.document.group ? (language === 'zh' ? `“${d.document.group}”` : `“${d.document.group}” `) : '';
  return language === 'zh' ? `档案 ${d.archiveNumber} 卷内文件${group}第 ${d.document.position} 号` : `dossier ${d.archiveNumber}, document ${group}no. ${d.document.position}`;
}
