import { deleteDocument, findDocument, insertDocument, listDocuments, setPositions, updateDocument, type DocumentRow } from '../../../../db/repositories/documents';
import { findDossierById, updateClassification, type DossierRecord } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { DossierDetail } from '../../../../shared/contract';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import type { AuditDraft } from '../../audit/chain';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { refreshCompleteness } from '../dossiers/completeness';
import { reindexDossier } from '../search/index-dossier';
import { assertGivableLevel, requireVisibleDossier } from '../dossiers/dossier-access';
import { toDossierDetail } from '../dossiers/dossier-dto';
import { definitionOf } from '../dossiers/dossier-summary';
import { visibleDossierIds } from '../../../../db/repositories/dossiers';
import { documentHasScans } from '../../../../db/repositories/scans';
import { requireNotHeld } from '../holds/hold-guard';

type Form = 'original' | 'copy';

export interface NewDocumentInput {
  archiveNumber: string;
  checklistItem?: string | undefined;
  groupKey?: string | null | undefined;
  title?: string | undefined;
  docDate?: string | null | undefined;
  form?: Form | undefined;
  pages: number;
  level?: number | undefined;
  remarks?: string | null | undefined;
}

export interface DocumentChanges {
  id: number;
  groupKey?: string | null | undefined;
  title?: string | undefined;
  docDate?: string | null | undefined;
  form?: Form | undefined;
  pages?: number | undefined;
  level?: number | undefined;
  remarks?: string | null | undefined;
}

const noDocument = (): AppError => new AppError('NOT_FOUND', { zh: '没有此卷内文件', en: 'There is no such document' });

/** A document whose dossier the session may see; otherwise it does not exist for the reader. */
export function requireVisibleDocument(db: Db, session: ActiveSession, id: number): { document: DocumentRow; dossier: DossierRecord } {
  const document = findDocument(db, id);
  if (!document || !visibleDossierIds(db, [document.dossierId], visibilityOf(db, session)).has(document.dossierId)) throw noDocument();
  const dossier = findDossierById(db, document.dossierId);
  if (!dossier) throw noDocument();
  return { document, dossier };
}

function requireGroup(definition: TypeDefinition | null, groupKey: string | null): string | null {
  if (groupKey === null) return null;
  if (!definition?.groups.some((g) => g.key === groupKey)) {
    throw new AppError('VALIDATION', { zh: `此档案没有分组“${groupKey}”`, en: `This dossier has no group "${groupKey}"` });
  }
  return groupKey;
}

/**
 * A dossier takes the highest level of its documents. A document above the dossier's level raises
 * the dossier – which is a classification, so only someone allowed to classify may do it; at a
 * marked level the dossier becomes stored separately, held by its custodian or the classifier.
 */
function raiseDossierFor(db: Db, session: ActiveSession, dossier: DossierRecord, level: number, at: string): { from: string; to: string } | null {
  if (level <= dossier.level) return null;
  const { levels } = session.settings;
  if (!session.user.permissions.includes('dossier.classify')) {
    throw new AppError('VALIDATION', {
      zh: `文件密级（${levelAt(levels, level).name}）高于档案密级（${levelAt(levels, dossier.level).name}），需由有定密权限的人员登记`,
      en: `The document’s level (${levelAt(levels, level).name}) is above the dossier’s (${levelAt(levels, dossier.level).name}); someone allowed to classify must register it`,
    });
  }
  const marked = levelAt(levels, level).marked;
  updateClassification(db, dossier.id, {
    level,
    custodianId: dossier.custodian?.id ?? (marked ? session.record.id : null),
    storedSeparately: marked || dossier.storedSeparately,
    at,
  });
  return { from: levelAt(levels, dossier.level).name, to: levelAt(levels, level).name };
}

function documentLevel(session: ActiveSession, level: number): number {
  assertGivableLevel(session, level);
  return level;
}

/** After its documents changed: the dossier's completeness recomputed and stored, its search entry renewed. */
export function refreshAfterDocuments(db: Db, dossier: DossierRecord): void {
  refreshCompleteness(db, dossier.id, definitionOf(db, dossier));
  reindexDossier(db, dossier.id);
}

/** After a change: completeness recomputed and stored, the dossier's page data returned. */
function settled(db: Db, session: ActiveSession, dossier: DossierRecord): DossierDetail {
  refreshAfterDocuments(db, dossier);
  const after = findDossierById(db, dossier.id);
  if (!after) throw new AppError('INTERNAL');
  return toDossierDetail(db, after, session);
}

function dossierTarget(detail: DossierDetail): AuditDraft['target'] {
  return { type: 'dossier', id: detail.id, label: detail.archiveNumber };
}

export interface FiledDocument {
  id: number;
  title: string;
  item: string | null;
  raised: { from: string; to: string } | null;
}

/**
 * Files a document into a dossier, at the end of its group; a checklist item gives the defaults.
 * Inside the caller's transaction: documents filed by hand and those opened for scans share it.
 */
export function fileDocument(db: Db, session: ActiveSession, dossier: DossierRecord, input: Omit<NewDocumentInput, 'archiveNumber'>, at: string): FiledDocument {
  const definition = definitionOf(db, dossier);
  const item = input.checklistItem === undefined ? null : definition?.checklist.find((c) => c.key === input.checklistItem);
  if (item === undefined) throw new AppError('VALIDATION', { zh: `此档案的清单中没有“${input.checklistItem ?? ''}”`, en: `The dossier’s checklist has no item "${input.checklistItem ?? ''}"` });
  const title = input.title ?? item?.name;
  if (!title) throw new AppError('VALIDATION', { zh: '请填写文件题名', en: 'The document needs a title' });
  const level = documentLevel(session, input.level ?? dossier.level);
  const raised = raiseDossierFor(db, session, dossier, level, at);
  const id = insertDocument(db, {
    dossierId: dossier.id,
    checklistItem: item?.key ?? null,
    title,
    docDate: input.docDate ?? null,
    form: input.form ?? (item?.expected === 'copy' ? 'copy' : 'original'),
    pages: input.pages,
    groupKey: requireGroup(definition, input.groupKey === undefined ? (item?.group ?? null) : input.groupKey),
    level,
    remarks: input.remarks ?? null,
    at,
    createdBy: session.record.id,
  });
  return { id, title, item: item?.key ?? null, raised };
}

export function addDocument(ctx: HandlerContext, input: NewDocumentInput): DossierDetail {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      const filed = fileDocument(db, session, dossier, input, at);
      return { detail: settled(db, session, dossier), ...filed };
    },
    ({ detail, id, title, item, raised }) => ({
      action: 'document:add',
      target: dossierTarget(detail),
      summary: { document: id, title, checklistItem: item, complete: detail.complete, ...(raised ? { levelRaised: raised } : {}) },
    }),
  ).detail;
}

export function changeDocument(ctx: HandlerContext, input: DocumentChanges): DossierDetail {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const { document, dossier } = requireVisibleDocument(db, session, input.id);
      const { id, ...changes } = input;
      const level = changes.level === undefined ? undefined : documentLevel(session, changes.level);
      const raised = level === undefined ? null : raiseDossierFor(db, session, dossier, level, at);
      if (changes.groupKey !== undefined) requireGroup(definitionOf(db, dossier), changes.groupKey);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      updateDocument(db, id, defined, at);
      if (changes.groupKey !== undefined && changes.groupKey !== document.groupKey) moveToGroupEnd(db, dossier.id, document, changes.groupKey, at);
      const changedKeys = Object.keys(defined).filter((key) => defined[key] !== document[key as keyof DocumentRow]);
      return {
        detail: settled(db, session, dossier),
        summary: {
          document: id,
          before: Object.fromEntries(changedKeys.map((key) => [key, document[key as keyof DocumentRow]])),
          after: Object.fromEntries(changedKeys.map((key) => [key, defined[key]])),
          ...(raised ? { levelRaised: raised } : {}),
        },
      };
    },
    ({ detail, summary }) => ({ action: 'document:update', target: dossierTarget(detail), summary }),
  ).detail;
}

/** A document moved to another group goes to its end; the group it left closes up. */
function moveToGroupEnd(db: Db, dossierId: number, document: DocumentRow, groupKey: string | null, at: string): void {
  const all = listDocuments(db, dossierId);
  const left = all.filter((d) => d.groupKey === document.groupKey && d.id !== document.id).map((d) => d.id);
  const joined = [...all.filter((d) => d.groupKey === groupKey && d.id !== document.id).map((d) => d.id), document.id];
  setPositions(db, left, at);
  setPositions(db, joined, at);
}

/** Puts one group's documents in a new order; the order must name exactly the group's documents. */
export function reorderDocuments(ctx: HandlerContext, input: { archiveNumber: string; groupKey: string | null; order: number[] }): DossierDetail {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      const group = listDocuments(db, dossier.id).filter((d) => d.groupKey === input.groupKey);
      const expected = new Set(group.map((d) => d.id));
      if (new Set(input.order).size !== input.order.length || input.order.length !== expected.size || input.order.some((id) => !expected.has(id))) {
        throw new AppError('VALIDATION', { zh: '新顺序必须恰好包含该分组的全部文件', en: 'The new order must list exactly the documents of the group' });
      }
      setPositions(db, input.order, at);
      return settled(db, session, dossier);
    },
    (detail) => ({ action: 'document:reorder', target: dossierTarget(detail), summary: { group: input.groupKey, order: input.order } }),
  );
}

/** Takes a wrongly filed document out; the rest of its group closes up. */
export function removeDocument(ctx: HandlerContext, id: number): DossierDetail {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const { document, dossier } = requireVisibleDocument(db, session, id);
      requireNotHeld(db, [dossier]);
      if (documentHasScans(db, id)) {
        throw new AppError('CONFLICT', { zh: `“${document.title}”已有扫描件，不能移除（扫描件只能经销毁程序删除）`, en: `“${document.title}” has scans and cannot be removed (scans go only through disposal)` });
      }
      deleteDocument(db, id);
      const rest = listDocuments(db, dossier.id).filter((d) => d.groupKey === document.groupKey);
      setPositions(
        db,
        rest.map((d) => d.id),
        at,
      );
      return { detail: settled(db, session, dossier), document };
    },
    ({ detail, document }) => ({
      action: 'document:remove',
      target: dossierTarget(detail),
      summary: { document: document.id, title: document.title, checklistItem: document.checklistItem, complete: detail.complete },
    }),
  ).detail;
}
