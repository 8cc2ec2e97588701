import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../open';
import { savedViews } from '../schema';

export type SavedViewRow = typeof savedViews.$inferSelect;

export function savedViewsOf(db: Db, userId: number): SavedViewRow[] {
  return db.select().from(savedViews).where(eq(savedViews.userId, userId)).orderBy(asc(savedViews.name)).all();
}

/** Saves by name: a view of the same name is replaced. */
export function upsertSavedView(db: Db, userId: number, name: string, state: string, at: string): number {
  return db
    .insert(savedViews)
    .values({ userId, name, state, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: [savedViews.userId, savedViews.name], set: { state, updatedAt: at } })
    .returning({ id: savedViews.id })
    .get().id;
}

export function deleteSavedView(db: Db, userId: number, id: number): boolean {
  return db.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.userId, userId))).run().changes > 0;
}
