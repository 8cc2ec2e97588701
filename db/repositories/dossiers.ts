import { and, count, desc, eq, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../open';
import { dossiers, numberSequences, users } from '../schema';

export interface DossierRecord {
  id: number;
  archiveNumber: string;
  title: string;
  createdAt: string;
  createdBy: { id: number; displayName: string };
}

/** Takes the next number of a scope; call inside the transaction that stores the dossier. */
export function takeNextSequence(db: Db, scope: string): number {
  const row = db
    .insert(numberSequences)
    .values({ scope, lastValue: 1 })
    .onConflictDoUpdate({ target: numberSequences.scope, set: { lastValue: sql`${numberSequences.lastValue} + 1` } })
    .returning({ value: numberSequences.lastValue })
    .get();
  return row.value;
}

export interface NewDossier {
  archiveNumber: string;
  title: string;
  createdAt: string;
  createdBy: number;
}

export function insertDossier(db: Db, dossier: NewDossier): number {
  return db
    .insert(dossiers)
    .values({ ...dossier, updatedAt: dossier.createdAt })
    .returning({ id: dossiers.id })
    .get().id;
}

export function findDossierById(db: Db, id: number): DossierRecord | null {
  return selectDossiers(db).where(eq(dossiers.id, id)).get() ?? null;
}

export interface DossierListQuery {
  /** Substring of the title or the archive number. */
  text?: string;
  /** Keyset cursor: return dossiers with a smaller id. */
  beforeId?: number;
  limit: number;
}

/** Newest first, keyset-paginated: the cost of a page does not grow with its depth. */
export function listDossiers(db: Db, query: DossierListQuery): { items: DossierRecord[]; total: number; hasMore: boolean } {
  const filter = textFilter(query.text);
  const page = and(filter, query.beforeId === undefined ? undefined : lt(dossiers.id, query.beforeId));
  const rows = selectDossiers(db)
    .where(page)
    .orderBy(desc(dossiers.id))
    .limit(query.limit + 1)
    .all();
  const total = db.select({ n: count() }).from(dossiers).where(filter).get()?.n ?? 0;
  return { items: rows.slice(0, query.limit), total, hasMore: rows.length > query.limit };
}

export function countDossiers(db: Db): number {
  return db.select({ n: count() }).from(dossiers).get()?.n ?? 0;
}

function selectDossiers(db: Db) {
  return db
    .select({
      id: dossiers.id,
      archiveNumber: dossiers.archiveNumber,
      title: dossiers.title,
      createdAt: dossiers.createdAt,
      createdBy: { id: users.id, displayName: users.displayName },
    })
    .from(dossiers)
    .innerJoin(users, eq(users.id, dossiers.createdBy));
}

function textFilter(text: string | undefined): SQL | undefined {
  if (!text) return undefined;
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(likeEscaped(dossiers.title, pattern), likeEscaped(dossiers.archiveNumber, pattern));
}

function likeEscaped(column: AnySQLiteColumn, pattern: string): SQL {
  return sql`${like(column, pattern)} ESCAPE '\\'`;
}
