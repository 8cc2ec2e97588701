import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { dossierLinks, dossiers, users } from '../schema';
import type { DossierLinkRelation } from '../../shared/dossier-links';
import { visible, type Visibility } from './dossiers';

export type LinkRow = typeof dossierLinks.$inferSelect;

/** A link as one of its dossiers sees it: the other dossier, and which end this one is. */
export interface LinkFromSide {
  id: number;
  relation: DossierLinkRelation;
  /** This dossier is the first of the pair (the relation reads forward from here). */
  forward: boolean;
  note: string | null;
  createdAt: string;
  createdBy: string;
  otherId: number;
}

export function insertLink(db: Db, link: Omit<LinkRow, 'id'>): number {
  return db.insert(dossierLinks).values(link).returning({ id: dossierLinks.id }).get().id;
}

/** The link between two dossiers with this relation, in either direction. */
export function findLinkBetween(db: Db, a: number, b: number, relation: DossierLinkRelation): LinkRow | null {
  const pair = or(and(eq(dossierLinks.dossierId, a), eq(dossierLinks.otherId, b)), and(eq(dossierLinks.dossierId, b), eq(dossierLinks.otherId, a)));
  return db.select().from(dossierLinks).where(and(pair, eq(dossierLinks.relation, relation))).get() ?? null;
}

export function deleteLink(db: Db, id: number): void {
  db.delete(dossierLinks).where(eq(dossierLinks.id, id)).run();
}

/** A dossier's links from both sides, to other dossiers the reader may see only. */
export function linksOf(db: Db, dossierId: number, visibility: Visibility): LinkFromSide[] {
  const forward = sql<number>`${dossierLinks.dossierId} = ${dossierId}`;
  const rows = db
    .select({
      id: dossierLinks.id,
      relation: dossierLinks.relation,
      forward,
      note: dossierLinks.note,
      createdAt: dossierLinks.createdAt,
      createdBy: users.displayName,
      otherId: dossiers.id,
    })
    .from(dossierLinks)
    .innerJoin(dossiers, sql`${dossiers.id} = CASE WHEN ${forward} THEN ${dossierLinks.otherId} ELSE ${dossierLinks.dossierId} END`)
    .innerJoin(users, eq(users.id, dossierLinks.createdBy))
    .where(and(or(eq(dossierLinks.dossierId, dossierId), eq(dossierLinks.otherId, dossierId)), visible(visibility)))
    .orderBy(dossierLinks.id)
    .all();
  return rows.map((r) => ({ ...r, forward: Boolean(r.forward) }));
}
