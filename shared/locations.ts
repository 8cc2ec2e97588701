/** The levels of a storage location, outermost first; each place sits in one of the level above. */
export const locationKinds = ['room', 'cabinet', 'shelf', 'box'] as const;
export type LocationKind = (typeof locationKinds)[number];

export const locationKindLabels: Record<LocationKind, { zh: string; en: string }> = {
  room: { zh: '库房', en: 'Room' },
  cabinet: { zh: '档案柜', en: 'Cabinet' },
  shelf: { zh: '层', en: 'Shelf' },
  box: { zh: '盒/位', en: 'Box' },
};

/** The kind a place inside one of this kind has; null for a box (nothing goes inside). */
export function childKind(kind: LocationKind | null): LocationKind | null {
  if (kind === null) return 'room';
  return locationKinds[locationKinds.indexOf(kind) + 1] ?? null;
}

/** A place's full code: its codes from the room down, e.g. A-03-2-15. */
export function fullLocationCode(codes: readonly string[]): string {
  return codes.join('-');
}
