import type { ScanPageView } from '../../../../shared/contract';

/**
 * A document's page ids in their new order when `moved` is dropped on `target`: it takes the
 * target's place, the target moving aside (down when the page came from above, up otherwise).
 * Null when nothing changes.
 */
export function reorderedPages(pages: readonly ScanPageView[], moved: number, target: number): number[] | null {
  const from = pages.findIndex((p) => p.id === moved);
  const to = pages.findIndex((p) => p.id === target);
  if (from < 0 || to < 0 || from === to) return null;
  const order = pages.map((p) => p.id);
  order.splice(from, 1);
  order.splice(to, 0, moved);
  return order;
}
