import { allLocations, deleteLocation, dossierCountsByLocation, insertLocation, locationInRegisters, locationInUse, updateLocation, type LocationRow } from '../../../../db/repositories/locations';
import { setDossierLocation } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { DossierDetail, LocationView } from '../../../../shared/contract';
import { childKind, locationKindLabels } from '../../../../shared/locations';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { toDossierDetail } from '../dossiers/dossier-dto';
import { locationViews } from './location-tree';
import { placeOf } from './place-of';

const noPlace = () => new AppError('NOT_FOUND', { zh: '没有此存放位置', en: 'There is no such location' });

function views(db: Db, session: ActiveSession): LocationView[] {
  return locationViews(allLocations(db), dossierCountsByLocation(db, visibilityOf(db, session)));
}

function viewOf(db: Db, session: ActiveSession, id: number): LocationView {
  const view = views(db, session).find((v) => v.id === id);
  if (!view) throw noPlace();
  return view;
}

export function listLocations(ctx: HandlerContext): LocationView[] {
  const session = ctx.session();
  return views(session.archive.database.db, session);
}

function assertFreeCode(rows: readonly LocationRow[], parentId: number | null, code: string, except?: number): void {
  const clash = rows.find((r) => r.parentId === parentId && r.code.toUpperCase() === code.toUpperCase() && r.id !== except);
  if (clash) throw new AppError('CONFLICT', { zh: `同一位置下已有代码 ${code}（${clash.name}）`, en: `Code ${code} is already used here (${clash.name})` });
}

export interface NewLocation {
  parentId: number | null;
  code: string;
  name: string;
  position?: number | undefined;
  note?: string | null | undefined;
}

/** A room at the top, a cabinet in a room, a shelf in a cabinet, a box on a shelf. */
export function createLocation(ctx: HandlerContext, input: NewLocation): LocationView {
  const session = ctx.session();
  const { db } = session.archive.database;
  const rows = allLocations(db);
  const parent = input.parentId === null ? null : rows.find((r) => r.id === input.parentId);
  if (parent === undefined) throw noPlace();
  const kind = childKind(parent?.kind ?? null);
  if (kind === null) throw new AppError('VALIDATION', { zh: '盒/位之内不能再设存放位置', en: 'Nothing can be placed inside a box' });
  assertFreeCode(rows, input.parentId, input.code);
  const siblings = rows.filter((r) => r.parentId === input.parentId);
  const position = input.position ?? Math.max(0, ...siblings.map((r) => r.position)) + 1;
  const id = ctx.write(
    (w) => {
      // Placed between others, the ones from there on move one along.
      for (const sibling of siblings) if (sibling.position >= position) updateLocation(w, sibling.id, { position: sibling.position + 1 });
      return insertLocation(w, { parentId: input.parentId, kind, code: input.code, name: input.name, position, note: input.note ?? null, createdAt: ctx.env.now().toISOString(), createdBy: session.record.id });
    },
    (newId) => ({ action: 'location:create', target: { type: 'location', id: newId, label: input.code }, summary: { kind: locationKindLabels[kind].zh, name: input.name, parent: parent?.code ?? null, position } }),
  );
  return viewOf(db, session, id);
}

export interface LocationChanges {
  id: number;
  code?: string | undefined;
  name?: string | undefined;
  position?: number | undefined;
  note?: string | null | undefined;
}

export function changeLocation(ctx: HandlerContext, input: LocationChanges): LocationView {
  const session = ctx.session();
  const { db } = session.archive.database;
  const rows = allLocations(db);
  const row = rows.find((r) => r.id === input.id);
  if (!row) throw noPlace();
  if (input.code !== undefined) assertFreeCode(rows, row.parentId, input.code, row.id);
  const { id, ...changes } = input;
  const before = { code: row.code, name: row.name, position: row.position, note: row.note };
  ctx.write((w) => updateLocation(w, id, changes), { action: 'location:update', target: { type: 'location', id, label: row.code }, summary: { before, after: changes } });
  return viewOf(db, session, id);
}

export function removeLocation(ctx: HandlerContext, id: number): { removed: boolean } {
  const session = ctx.session();
  const { db } = session.archive.database;
  const rows = allLocations(db);
  const row = rows.find((r) => r.id === id);
  if (!row) throw noPlace();
  if (rows.some((r) => r.parentId === id) || locationInUse(db, id)) {
    throw new AppError('CONFLICT', { zh: `${row.name}（${row.code}）中还有存放位置或档案，不能删除`, en: `${row.name} (${row.code}) still holds places or dossiers; it cannot be removed` });
  }
  if (locationInRegisters(db, id)) {
    throw new AppError('CONFLICT', { zh: `${row.name}（${row.code}）有盘点或保管检查记录，登记册永久保存，此位置不能删除（可以改名）`, en: `${row.name} (${row.code}) is named in the stocktake or inspection register, which is kept for good; the place cannot be removed (it can be renamed)` });
  }
  ctx.write((w) => deleteLocation(w, id), { action: 'location:remove', target: { type: 'location', id, label: row.code }, summary: { name: row.name } });
  return { removed: true };
}

/** Puts a dossier at a place (or takes it off the shelf); the audit event names both places. */
export function shelveDossier(ctx: HandlerContext, input: { archiveNumber: string; locationId: number | null }): DossierDetail {
  const session = ctx.session();
  const { db } = session.archive.database;
  const dossier = requireVisibleDossier(db, session, input.archiveNumber);
  const place = input.locationId === null ? null : placeOf(db, input.locationId);
  if (place === null && input.locationId !== null) throw noPlace();
  const from = dossier.locationId === null ? null : (placeOf(db, dossier.locationId)?.fullCode ?? null);
  return ctx.write(
    (w) => {
      setDossierLocation(w, dossier.id, place?.id ?? null, ctx.env.now().toISOString());
      return toDossierDetail(w, { ...dossier, locationId: place?.id ?? null }, session);
    },
    { action: 'dossier:shelve', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { from, to: place?.fullCode ?? null } },
  );
}
