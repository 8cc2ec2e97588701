import { deleteSavedView, savedViewsOf, upsertSavedView, type SavedViewRow } from '../../../../db/repositories/saved-views';
import { savedViewStateSchema, type SavedView, type SavedViewState } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';

function toView(row: SavedViewRow): SavedView | null {
  // A view saved by an older build whose filters no longer parse is left out rather than failing the list.
  const state = savedViewStateSchema.safeParse(JSON.parse(row.state));
  return state.success ? { id: row.id, name: row.name, state: state.data, updatedAt: row.updatedAt } : null;
}

export function listSavedViews(ctx: HandlerContext): SavedView[] {
  const session = ctx.session();
  return savedViewsOf(session.archive.database.db, session.record.id).flatMap((row) => toView(row) ?? []);
}

export function saveView(ctx: HandlerContext, input: { name: string; state: SavedViewState }): SavedView {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  const id = ctx.write((db) => upsertSavedView(db, session.record.id, input.name, JSON.stringify(input.state), at), (viewId) => ({ action: 'view:save', target: { type: 'view', id: viewId, label: input.name } }));
  const saved = listSavedViews(ctx).find((v) => v.id === id);
  if (!saved) throw new AppError('INTERNAL', { zh: '视图保存后未找到', en: 'The saved view was not found' });
  return saved;
}

export function removeView(ctx: HandlerContext, id: number): { removed: boolean } {
  const session = ctx.session();
  const own = listSavedViews(ctx).find((v) => v.id === id);
  if (!own) throw new AppError('NOT_FOUND', { zh: '没有此视图', en: 'There is no such view' });
  ctx.write((db) => deleteSavedView(db, session.record.id, id), { action: 'view:remove', target: { type: 'view', id, label: own.name } });
  return { removed: true };
}
