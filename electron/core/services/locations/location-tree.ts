import type { LocationRow } from '../../../../db/repositories/locations';
import type { LocationView } from '../../../../shared/contract';
import { fullLocationCode } from '../../../../shared/locations';

function childrenByParent(rows: readonly LocationRow[]): Map<number | null, LocationRow[]> {
  const children = new Map<number | null, LocationRow[]>();
  for (const row of rows) {
    const list = children.get(row.parentId) ?? [];
    list.push(row);
    children.set(row.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  return children;
}

/** The places in shelving order (depth first, each level by position), with codes and names from the room down. */
export function locationViews(rows: readonly LocationRow[], counts: ReadonlyMap<number, number>): LocationView[] {
  const children = childrenByParent(rows);
  const views: LocationView[] = [];
  const walk = (parentId: number | null, codes: string[], names: string[]) => {
    for (const row of children.get(parentId) ?? []) {
      const rowCodes = [...codes, row.code];
      const rowNames = [...names, row.name];
      views.push({
        id: row.id,
        parentId: row.parentId,
        kind: row.kind,
        code: row.code,
        name: row.name,
        position: row.position,
        note: row.note,
        fullCode: fullLocationCode(rowCodes),
        path: rowNames.join(' / '),
        depth: codes.length,
        dossiers: counts.get(row.id) ?? 0,
      });
      walk(row.id, rowCodes, rowNames);
    }
  };
  walk(null, [], []);
  return views;
}

/** A place and every place inside it. */
export function subtreeIds(rows: readonly LocationRow[], id: number): number[] {
  const children = childrenByParent(rows);
  const ids: number[] = [];
  const visit = (current: number) => {
    ids.push(current);
    for (const child of children.get(current) ?? []) visit(child.id);
  };
  visit(id);
  return ids;
}
