import { updateDocument } from '../../../../db/repositories/documents';
import { findDossierById, visibleDossierIds, type DossierRecord } from '../../../../db/repositories/dossiers';
import { findScanPage, livePageIds, markPagesRemoved, movePagesTo, scanPageCounts, setPagePositions, setPageRotation } from '../../../../db/repositories/scans';
import type { Db } from '../../../../db/open';
import type { DossierScans } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AuditDraft } from '../../audit/chain';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { requireNotHeld } from '../holds/hold-guard';
import { refreshAfterDocuments, requireVisibleDocument } from '../documents/documents';
import { scansOf } from './scan-queries';

type Page = NonNullable<ReturnType<typeof findScanPage>>;

const noPage = (id: number) => new AppError('NOT_FOUND', { zh: `没有编号为 ${id} 的扫描页`, en: `There is no scanned page no. ${id}` });

/** Live pages on dossiers the session sees, all of one dossier; anything else does not exist for the editor. */
function requirePages(db: Db, session: ActiveSession, ids: readonly number[]): { pages: Page[]; dossier: DossierRecord } {
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', { zh: '同一页被选择了两次', en: 'A page was chosen twice' });
  const pages = ids.map((id) => {
    const page = findScanPage(db, id);
    if (!page || page.removedAt !== null) throw noPage(id);
    return page;
  });
  const dossierIds = new Set(pages.map((p) => p.dossierId));
  const visible = visibleDossierIds(db, [...dossierIds], visibilityOf(db, session));
  const hidden = pages.find((p) => !visible.has(p.dossierId));
  if (hidden) throw noPage(hidden.id);
  if (dossierIds.size !== 1) throw new AppError('VALIDATION', { zh: '所选页面须属于同一份档案', en: 'The pages chosen must be in one dossier' });
  const dossier = findDossierById(db, pages[0]?.dossierId ?? 0);
  if (!dossier) throw noPage(ids[0] ?? 0);
  return { pages, dossier };
}

/** The scanned pages are the page count of a document that has scans: all of them moved or removed, it has none. */
function recount(db: Db, documentIds: readonly number[], at: string): void {
  const counts = scanPageCounts(db, documentIds);
  for (const documentId of documentIds) updateDocument(db, documentId, { pages: counts.get(documentId) ?? 0 }, at);
}

function edit(ctx: HandlerContext, change: (db: Db, session: ActiveSession, at: string) => { dossier: DossierRecord; summary: AuditDraft['summary'] }, action: string): DossierScans {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const { dossier, summary } = change(db, session, at);
      refreshAfterDocuments(db, dossier);
      return { scans: scansOf(db, dossier), dossier, summary };
    },
    ({ dossier, summary }) => ({ action, target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary }),
  ).scans;
}

export function rotatePage(ctx: HandlerContext, input: { pageId: number; rotation: number }): DossierScans {
  return edit(
    ctx,
    (db, session) => {
      const { pages, dossier } = requirePages(db, session, [input.pageId]);
      setPageRotation(db, input.pageId, input.rotation);
      return { dossier, summary: { page: input.pageId, document: pages[0]?.documentId ?? null, rotation: { from: pages[0]?.rotation ?? 0, to: input.rotation } } };
    },
    'scan:rotate',
  );
}

export function reorderPages(ctx: HandlerContext, input: { documentId: number; order: number[] }): DossierScans {
  return edit(
    ctx,
    (db, session) => {
      const { dossier } = requireVisibleDocument(db, session, input.documentId);
      const live = livePageIds(db, input.documentId);
      const expected = new Set(live);
      if (new Set(input.order).size !== input.order.length || input.order.length !== live.length || input.order.some((id) => !expected.has(id))) {
        throw new AppError('VALIDATION', { zh: '新顺序必须恰好包含该文件的全部扫描页', en: 'The new order must list exactly the scanned pages of the document' });
      }
      setPagePositions(db, input.order);
      return { dossier, summary: { document: input.documentId, order: input.order } };
    },
    'scan:reorder',
  );
}

export function movePages(ctx: HandlerContext, input: { pageIds: number[]; toDocumentId: number }): DossierScans {
  return edit(
    ctx,
    (db, session, at) => {
      const { pages, dossier } = requirePages(db, session, input.pageIds);
      const { document } = requireVisibleDocument(db, session, input.toDocumentId);
      if (document.dossierId !== dossier.id) throw new AppError('VALIDATION', { zh: '只能移到同一档案的卷内文件', en: 'Pages move only to a document of the same dossier' });
      const from = [...new Set(pages.map((p) => p.documentId))];
      if (from.length === 1 && from[0] === document.id) throw new AppError('VALIDATION', { zh: '这些页面已在该文件中', en: 'The pages are in that document already' });
      movePagesTo(db, input.pageIds, document.id);
      for (const documentId of from) setPagePositions(db, livePageIds(db, documentId));
      recount(db, [...from, document.id], at);
      return { dossier, summary: { pages: input.pageIds, from, to: document.id } };
    },
    'scan:move',
  );
}

export function removePages(ctx: HandlerContext, input: { pageIds: number[]; reason: string }): DossierScans {
  return edit(
    ctx,
    (db, session, at) => {
      const { pages, dossier } = requirePages(db, session, input.pageIds);
      requireNotHeld(db, [dossier]);
      markPagesRemoved(db, input.pageIds, session.record.id, at);
      const from = [...new Set(pages.map((p) => p.documentId))];
      for (const documentId of from) setPagePositions(db, livePageIds(db, documentId));
      recount(db, from, at);
      return { dossier, summary: { pages: input.pageIds, documents: from, reason: input.reason } };
    },
    'scan:remove',
  );
}
