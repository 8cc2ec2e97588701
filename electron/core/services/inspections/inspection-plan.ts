import { allLocations } from '../../../../db/repositories/locations';
import { readArchiveMeta } from '../../../../db/repositories/meta';
import { lastInspectedOn, openInspections } from '../../../../db/repositories/inspections';
import type { Db } from '../../../../db/open';
import type { InspectionPlace, InspectionPlan, PlanEntry, PlanState } from '../../../../shared/contract';
import { DUE_SOON_DAYS, intervalMonths, type InspectionInterval } from '../../../../shared/inspections';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { addDays } from '../loans/loan-days';
import { assertReadsInspections } from './inspection-access';

export const WHOLE_STORE: InspectionPlace = { locationId: null, code: '', name: '全部库房' };

/** The same day `months` later; a day the month lacks becomes its last (08-31 + 6 months = 02-28). */
export function addMonths(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return target.toISOString().slice(0, 10);
}

export function planState(dueOn: string, today: string): PlanState {
  if (today > dueOn) return 'overdue';
  return addDays(dueOn, -DUE_SOON_DAYS) <= today ? 'due' : 'ok';
}

/** The rooms as places to inspect, in the order of the location tree. */
export function roomPlaces(db: Db): (InspectionPlace & { since: string })[] {
  return allLocations(db)
    .filter((row) => row.kind === 'room')
    .map((row) => ({ locationId: row.id, code: row.code, name: row.name, since: formatLocalDate(new Date(row.createdAt)) }));
}

/**
 * When each room falls due: its last finished inspection – of the room itself or of the whole store,
 * whichever is later – plus the interval; a room never inspected is due one interval after it was set
 * up. With no rooms set up, the whole store is the one place (never inspected: due one interval after
 * the archive was made).
 */
export function inspectionPlan(db: Db, interval: InspectionInterval, today: string): InspectionPlan {
  const last = lastInspectedOn(db);
  const whole = last.get(null) ?? null;
  const open = new Map<number | null, number>();
  for (const record of openInspections(db)) if (!open.has(record.locationId)) open.set(record.locationId, record.id);
  const months = intervalMonths[interval];
  const entry = (place: InspectionPlace, lastOn: string | null, since: string): PlanEntry => {
    const dueOn = addMonths(lastOn ?? since, months);
    return { place, lastInspectedOn: lastOn, dueOn, state: planState(dueOn, today), openInspectionId: open.get(place.locationId) ?? null };
  };
  const rooms = roomPlaces(db);
  if (rooms.length === 0) return { interval, today, places: [entry(WHOLE_STORE, whole, formatLocalDate(new Date(readArchiveMeta(db).createdAt)))] };
  const places = rooms.map(({ since, ...place }) => {
    const own = last.get(place.locationId) ?? null;
    const lastOn = own !== null && (whole === null || own > whole) ? own : whole;
    return entry(place, lastOn, since);
  });
  return { interval, today, places };
}

export function getInspectionPlan(ctx: HandlerContext): InspectionPlan {
  assertReadsInspections(ctx);
  const session = ctx.session();
  return inspectionPlan(session.archive.database.db, session.settings.inspectionInterval, formatLocalDate(ctx.env.now()));
}
