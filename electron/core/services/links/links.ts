import { deleteLink, findLinkBetween, insertLink, linksOf } from '../../../../db/repositories/links';
import { findDossiersByIds } from '../../../../db/repositories/dossiers';
import type { DossierDetail } from '../../../../shared/contract';
import { relationLabels, type DossierLinkRelation } from '../../../../shared/dossier-links';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { toDossierDetail } from '../dossiers/dossier-dto';

export interface NewLink {
  archiveNumber: string;
  otherArchiveNumber: string;
  relation: DossierLinkRelation;
  note?: string | null | undefined;
}

/** Links two dossiers the user may see (XR-…); the same relation between the same pair exists once. */
export function addLink(ctx: HandlerContext, input: NewLink): DossierDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const dossier = requireVisibleDossier(db, session, input.archiveNumber);
  const other = requireVisibleDossier(db, session, input.otherArchiveNumber);
  if (dossier.id === other.id) throw new AppError('VALIDATION', { zh: '不能把档案与其自身关联', en: 'A dossier cannot be linked to itself' });
  const name = relationLabels[input.relation].name;
  if (findLinkBetween(db, dossier.id, other.id, input.relation)) {
    throw new AppError('CONFLICT', { zh: `${dossier.archiveNumber} 与 ${other.archiveNumber} 已有“${name.zh}”关联`, en: `${dossier.archiveNumber} and ${other.archiveNumber} are already linked (${name.en})` });
  }
  const note = input.note?.trim() || null;
  return ctx.write(
    (w) => {
      const at = ctx.env.now().toISOString();
      const id = insertLink(w, { dossierId: dossier.id, otherId: other.id, relation: input.relation, note, createdAt: at, createdBy: session.record.id });
      return { id, detail: toDossierDetail(w, dossier, session) };
    },
    (r) => ({
      action: 'link:add',
      target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber },
      summary: { link: r.id, other: other.archiveNumber, relation: input.relation, note },
    }),
  ).detail;
}

/** Removes a link, seen from one of its dossiers (both must be visible, as when it was made). */
export function removeLink(ctx: HandlerContext, input: { archiveNumber: string; id: number }): DossierDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const dossier = requireVisibleDossier(db, session, input.archiveNumber);
  // Only a link this dossier shows: to another dossier the reader may see.
  const link = linksOf(db, dossier.id, visibilityOf(db, session)).find((l) => l.id === input.id);
  const other = link ? findDossiersByIds(db, [link.otherId])[0] : undefined;
  if (!link || !other) throw new AppError('NOT_FOUND', { zh: '此档案没有该关联', en: 'This dossier has no such link' });
  return ctx.write(
    (w) => {
      deleteLink(w, link.id);
      return toDossierDetail(w, dossier, session);
    },
    {
      action: 'link:remove',
      target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber },
      summary: { link: link.id, other: other.archiveNumber, relation: link.relation, note: link.note },
    },
  );
}
