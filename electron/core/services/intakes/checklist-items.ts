import type { StoredItem } from '../../../../db/repositories/intakes';
import type { ChecklistItem } from '../../../../shared/dossier-types';
import { invalidAt } from './invalid-at';

/** A name without its parenthesised detail: 身份证复印件（两面）或组织机构代码证复印件 → 身份证复印件. */
const shortName = (name: string) => name.split(/[（(]/)[0]?.trim() ?? name;

/** A checklist item by its key, its name, or its short name when only one item has it. */
export function findItem(checklist: readonly ChecklistItem[], reference: string): ChecklistItem | undefined {
  const text = reference.trim();
  const exact = checklist.find((item) => item.key === text || item.name === text);
  if (exact) return exact;
  const short = checklist.filter((item) => shortName(item.name) === text);
  return short.length === 1 ? short[0] : undefined;
}

/**
 * The checklist items an intake records for a dossier, in checklist order: those named missing,
 * those named present, and every other required item as present – a dossier is handed over whole
 * unless a shortage is written down. Conditional and optional items not named are not recorded.
 */
export function recordedItems(checklist: readonly ChecklistItem[], named: { missing: readonly string[]; present: readonly string[] }, path: string, archiveNumber: string): StoredItem[] {
  const statuses = new Map<string, StoredItem['status']>();
  for (const status of ['missing', 'present'] as const) {
    named[status].forEach((reference, index) => {
      const item = findItem(checklist, reference);
      if (!item) {
        throw invalidAt(
          `${path}.${status}.${index}`,
          checklist.length === 0 ? `档案 ${archiveNumber} 的类型没有必备材料清单，不能登记“${reference}”` : `档案 ${archiveNumber} 的必备材料清单中没有“${reference}”`,
          checklist.length === 0 ? `Dossier ${archiveNumber} has no checklist, so "${reference}" cannot be recorded` : `"${reference}" is not on the checklist of dossier ${archiveNumber}`,
        );
      }
      if (statuses.has(item.key) && statuses.get(item.key) !== status) {
        throw invalidAt(`${path}.${status}.${index}`, `“${item.name}”不能既已交又缺`, `"${item.name}" cannot be both present and missing`);
      }
      statuses.set(item.key, status);
    });
  }
  return checklist.flatMap((item) => {
    const status = statuses.get(item.key) ?? (item.requirement === 'required' ? 'present' : undefined);
    return status ? [{ key: item.key, name: item.name, status }] : [];
  });
}
