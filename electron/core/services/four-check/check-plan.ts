import { findDossiersByIds } from '../../../../db/repositories/dossiers';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { documentsInScope, dossierIdsInScope, filesInScope, pagesInScope, type CheckFileRow } from '../../../../db/repositories/four-check-rows';
import { listUsers } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import type { CheckFinding } from '../../../../shared/contract';
import type { ConfidentialityLevel } from '../../../../shared/levels';
import { definitionOf } from '../dossiers/dossier-summary';
import { CheckTally } from './check-tally';
import { checkDossierRecords, type RecordTallies } from './record-checks';

/** A stored original to read, open and draw, with where it is filed. */
export interface FileToCheck extends CheckFileRow {
  place: { archiveNumber: string; document: CheckFinding['document'] } | null;
  /** Pages in the file that live pages show (each drawn once). */
  livePages: number[];
}

export interface CheckPlan {
  tallies: RecordTallies;
  dossiers: number;
  files: FileToCheck[];
  pages: number;
}

/** Dossiers read and checked at a time: a whole archive never sits in memory at once. */
const BATCH = 2000;

/**
 * The checks of the records, run in the queue (they read the database), and the files the rest
 * of the check reads outside it.
 */
export async function planCheck(db: Db, dossierIds: readonly number[] | null, rules: { today: string; levels: readonly ConfidentialityLevel[]; threeRoleSeparation: boolean }, step: (count: number) => void): Promise<CheckPlan> {
  const tallies: RecordTallies = {
    metadata: new CheckTally('metadata', { zh: '份档案', en: 'dossiers' }),
    sequence: new CheckTally('sequence', { zh: '件卷内文件', en: 'documents' }),
    checklist: new CheckTally('checklist', { zh: '个必备项', en: 'required items' }),
    pageCounts: new CheckTally('page-counts', { zh: '件有扫描的卷内文件', en: 'scanned documents' }),
    accessRules: new CheckTally('access-rules', { zh: '份档案', en: 'dossiers' }),
  };
  const checkRules = { db, ...rules, activeUsers: listUsers(db).filter((user) => user.status === 'active') };
  const ids = dossierIdsInScope(db, dossierIds);
  const places = new Map<number, FileToCheck['place']>();
  const livePages = new Map<number, Set<number>>();
  for (let start = 0; start < ids.length; start += BATCH) {
    // Between batches the core's thread is given back: the window's progress question is answered.
    if (start > 0) await nextTurn();
    const batch = ids.slice(start, start + BATCH);
    const documents = documentsInScope(db, batch);
    const pages = pagesInScope(db, batch);
    const documentById = new Map(documents.map((d) => [d.id, d]));
    const scanned = new Map<number, number>();
    for (const page of pages) {
      scanned.set(page.documentId, (scanned.get(page.documentId) ?? 0) + (page.live ? 1 : 0));
      if (page.live) livePages.set(page.fileId, (livePages.get(page.fileId) ?? new Set()).add(page.pageInFile));
    }
    const ofDossier = new Map<number, typeof documents>();
    for (const document of documents) {
      const own = ofDossier.get(document.dossierId);
      if (own) own.push(document);
      else ofDossier.set(document.dossierId, [document]);
    }
    const numbers = new Map<number, { archiveNumber: string; definition: ReturnType<typeof definitionOf> }>();
    for (const record of findDossiersByIds(db, batch)) {
      const definition = definitionOf(db, record);
      numbers.set(record.id, { archiveNumber: record.archiveNumber, definition });
      checkDossierRecords(tallies, { record, definition, documents: ofDossier.get(record.id) ?? [], scannedPages: scanned }, checkRules);
    }
    for (const page of pages) {
      const document = documentById.get(page.documentId);
      const dossier = document ? numbers.get(document.dossierId) : undefined;
      if (!document || !dossier || places.has(page.fileId)) continue;
      const group = document.groupKey === null ? null : (dossier.definition?.groups.find((g) => g.key === document.groupKey)?.name ?? document.groupKey);
      places.set(page.fileId, { archiveNumber: dossier.archiveNumber, document: { group, position: document.position } });
    }
    step(batch.length);
  }
  const files = filesInScope(db, dossierIds).map((file): FileToCheck => ({ ...file, place: places.get(file.id) ?? null, livePages: [...(livePages.get(file.id) ?? [])].sort((a, b) => a - b) }));
  return { tallies, dossiers: ids.length, files, pages: files.reduce((n, f) => n + f.livePages.length, 0) };
}
