import { checksOf, findingCounts, findingsOf, listInspections, photosOf, repairsOf, type InspectionRecord } from '../../../../db/repositories/inspections';
import { allLocations } from '../../../../db/repositories/locations';
import { visibleDossierIds } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import { checkItems } from '../../../../shared/inspections';
import type { FindingView, InspectionPlace, InspectionSummary, InspectionView } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { assertReadsInspections, requireInspection } from './inspection-access';
import { WHOLE_STORE } from './inspection-plan';

/** The place of an inspection by its location: a room, or the whole store. */
export function placeNamer(db: Db): (locationId: number | null) => InspectionPlace {
  const rooms = new Map(allLocations(db).map((row) => [row.id, { locationId: row.id, code: row.code, name: row.name }]));
  return (locationId) => (locationId === null ? WHOLE_STORE : (rooms.get(locationId) ?? { locationId, code: '?', name: '?' }));
}

/** An inspection as the audit trail names it: its number and place, as the register shows them. */
export function inspectionTarget(id: number, place: InspectionPlace): { type: 'inspection'; id: number; label: string } {
  return { type: 'inspection', id, label: `第 ${id} 号保管检查（${place.name}）` };
}

/** The target of an inspection already recorded (NOT_FOUND if there is none). */
export function recordedInspectionTarget(db: Db, id: number): { type: 'inspection'; id: number; label: string } {
  return inspectionTarget(id, placeNamer(db)(requireInspection(db, id).locationId));
}

function summaryOf(record: InspectionRecord, place: InspectionPlace, counts: { findings: number; openRepairs: number } | undefined): InspectionSummary {
  return {
    id: record.id,
    place,
    startedAt: record.startedAt,
    startedBy: record.startedBy,
    inspectedOn: record.finish?.inspectedOn ?? null,
    inspectors: record.finish?.inspectors ?? [],
    finishedAt: record.finish?.finishedAt ?? null,
    findings: counts?.findings ?? 0,
    openRepairs: counts?.openRepairs ?? 0,
  };
}

/**
 * An inspection with its checklist, findings, photos and repairs, as the reader may know it: a
 * finding on a dossier the reader may not see keeps only its archive number, kind and repair.
 */
export function inspectionView(ctx: HandlerContext, record: InspectionRecord): InspectionView {
  const session = ctx.session();
  const { db } = session.archive.database;
  const findings = findingsOf(db, record.id);
  const seen = visibleDossierIds(
    db,
    findings.map((f) => f.dossierId),
    visibilityOf(db, session),
  );
  const ids = findings.map((f) => f.id);
  const photos = photosOf(db, ids);
  const repairs = new Map(repairsOf(db, ids).map((r) => [r.findingId, r]));
  const findingList = findings.map((f): FindingView => {
    const shown = seen.has(f.dossierId);
    const repair = repairs.get(f.id);
    return {
      id: f.id,
      archiveNumber: f.archiveNumber,
      hidden: !shown,
      title: shown ? f.title : null,
      level: shown ? f.level : null,
      kind: f.kind,
      note: shown ? f.note : null,
      recordedBy: f.recordedBy,
      recordedAt: f.recordedAt,
      photos: shown ? photos.filter((p) => p.findingId === f.id).map((p) => ({ id: p.id, sourceName: p.sourceName, mediaType: p.file.mediaType })) : [],
      repair: repair ? { id: repair.id, instructions: shown ? repair.instructions : '', orderedBy: repair.orderedBy, orderedAt: repair.orderedAt, outcome: repair.outcome && { ...repair.outcome, note: shown ? repair.outcome.note : null } } : null,
    };
  });
  const openRepairs = findingList.filter((f) => f.repair && !f.repair.outcome).length;
  return {
    ...summaryOf(record, placeNamer(db)(record.locationId), { findings: findings.length, openRepairs }),
    remarks: record.finish?.remarks ?? null,
    finishedBy: record.finish?.finishedBy ?? null,
    checks: checksOf(db, record.id).sort((a, b) => checkItems.indexOf(a.item) - checkItems.indexOf(b.item)),
    findingList,
  };
}

const LIST_MAX = 200;

export function listInspectionSummaries(ctx: HandlerContext): InspectionSummary[] {
  assertReadsInspections(ctx);
  const { db } = ctx.session().archive.database;
  const records = listInspections(db, LIST_MAX);
  const counts = findingCounts(
    db,
    records.map((r) => r.id),
  );
  const place = placeNamer(db);
  return records.map((record) => summaryOf(record, place(record.locationId), counts.get(record.id)));
}

export function getInspection(ctx: HandlerContext, id: number): InspectionView {
  assertReadsInspections(ctx);
  return inspectionView(ctx, requireInspection(ctx.session().archive.database.db, id));
}

/** The inspection as it stands after a change (read on the core's own connection). */
export function viewAfter(ctx: HandlerContext, id: number): InspectionView {
  return inspectionView(ctx, requireInspection(ctx.session().archive.database.db, id));
}
