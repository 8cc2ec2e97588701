import type { TFunction } from 'i18next';
import type { InspectionPlace, PlanState } from '../../../../shared/contract';

/** A room by its code and name; the whole store in words. */
export function placeLabel(place: InspectionPlace, t: TFunction): string {
  return place.locationId === null ? t('inspections.wholeStore') : `${place.code} ${place.name}`;
}

export const stateColors: Record<PlanState, string> = { ok: 'green', due: 'orange', overdue: 'red' };
