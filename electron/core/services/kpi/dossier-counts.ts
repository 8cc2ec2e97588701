import type { DossierCountRow } from '../../../../db/repositories/kpi';
import type { NamedCount } from '../../../../shared/contract';
import { levelAt, type ConfidentialityLevel } from '../../../../shared/levels';

/** What the counts are labelled with: the archive's types and confidentiality scale. */
export interface CountNames {
  types: ReadonlyMap<number, { key: string; name: string }>;
  levels: readonly ConfidentialityLevel[];
}

/** Counts by type, level and classification of grouped dossier rows, largest first (levels in scale order). */
export class DossierCounts {
  total = 0;
  complete = 0;
  private readonly byType = new Map<string, NamedCount>();
  private readonly byLevel = new Map<number, NamedCount>();
  private readonly byClassification = new Map<string, NamedCount>();

  constructor(private readonly names: CountNames) {}

  add(row: DossierCountRow): void {
    this.total += row.n;
    this.complete += row.complete ? row.n : 0;
    const type = row.typeId === null ? undefined : this.names.types.get(row.typeId);
    bump(this.byType, type?.key ?? '', type?.name ?? '无类型', row.n);
    const level = levelAt(this.names.levels, row.level);
    const levelCount = this.byLevel.get(row.level) ?? { key: String(row.level), name: level.name, count: 0 };
    levelCount.count += row.n;
    this.byLevel.set(row.level, levelCount);
    bump(this.byClassification, row.classification ?? '', row.classification ?? '未分类', row.n);
  }

  get types(): NamedCount[] {
    return largestFirst(this.byType);
  }

  get levels(): NamedCount[] {
    return [...this.byLevel.entries()].sort((a, b) => a[0] - b[0]).map(([, count]) => count);
  }

  get classifications(): NamedCount[] {
    return largestFirst(this.byClassification);
  }
}

function bump(counts: Map<string, NamedCount>, key: string, name: string, n: number): void {
  const count = counts.get(key) ?? { key, name, count: 0 };
  count.count += n;
  counts.set(key, count);
}

function largestFirst(counts: Map<string, NamedCount>): NamedCount[] {
  return [...counts.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
