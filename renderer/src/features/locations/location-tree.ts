import type { LocationView } from '../../../../shared/contract';

export interface LocationNode extends LocationView {
  children?: LocationNode[];
}

/** The flat list (already in shelving order) as a tree for antd's Table and TreeSelect. */
export function toTree(list: readonly LocationView[]): LocationNode[] {
  const nodes = new Map<number, LocationNode>(list.map((l) => [l.id, { ...l }]));
  const roots: LocationNode[] = [];
  for (const view of list) {
    const node = nodes.get(view.id) as LocationNode;
    const parent = view.parentId === null ? undefined : nodes.get(view.parentId);
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export interface TreeOption {
  value: number;
  title: string;
  children?: TreeOption[];
}

export function treeOptions(nodes: readonly LocationNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: `${n.fullCode} ${n.name}`, ...(n.children ? { children: treeOptions(n.children) } : {}) }));
}
