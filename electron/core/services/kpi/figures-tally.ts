import type { DepartmentCount, DossierCountRow, IntakeFigureRow } from '../../../../db/repositories/kpi';
import type { KpiFigures } from '../../../../shared/contract';
import { DossierCounts, type CountNames } from './dossier-counts';

interface Counts {
  handOvers: number;
  onTime: number;
  handedDossiers: number;
  completeAtHandOver: number;
  overdueAtMonthEnd: number;
  wentOverdue: number;
  opened: DossierCounts;
}

/** null: the whole archive (every department, outsiders' loans included). */
export type TallyKey = number | null | 'all';

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** One month's figures as the grouped rows come in, per department and for all of them together. */
export class FiguresTally {
  private readonly counts = new Map<TallyKey, Counts>();

  constructor(private readonly names: CountNames) {}

  addIntakes(rows: readonly IntakeFigureRow[]): void {
    for (const row of rows) {
      for (const counts of this.both(row.departmentId)) {
        counts.handOvers += row.withDeadline;
        counts.onTime += row.onTime;
        counts.handedDossiers += row.dossiers;
        counts.completeAtHandOver += row.complete;
      }
    }
  }

  addOverdue(rows: readonly DepartmentCount[], field: 'overdueAtMonthEnd' | 'wentOverdue'): void {
    for (const row of rows) for (const counts of this.both(row.departmentId)) counts[field] += row.n;
  }

  addOpened(rows: readonly DossierCountRow[]): void {
    for (const row of rows) for (const counts of this.both(row.departmentId)) counts.opened.add(row);
  }

  /** The departments with any figure (outsiders' null left out). */
  get departmentIds(): number[] {
    return [...this.counts.keys()].filter((key): key is number => typeof key === 'number');
  }

  figures(key: TallyKey): KpiFigures {
    const counts = this.counts.get(key) ?? this.fresh();
    return {
      handOvers: counts.handOvers,
      onTime: counts.onTime,
      timeliness: ratio(counts.onTime, counts.handOvers),
      handedDossiers: counts.handedDossiers,
      completeAtHandOver: counts.completeAtHandOver,
      completeness: ratio(counts.completeAtHandOver, counts.handedDossiers),
      overdueAtMonthEnd: counts.overdueAtMonthEnd,
      wentOverdue: counts.wentOverdue,
      opened: counts.opened.total,
      openedByType: counts.opened.types,
      openedByLevel: counts.opened.levels,
      openedByClassification: counts.opened.classifications,
    };
  }

  private both(departmentId: number | null): Counts[] {
    return [this.of(departmentId), this.of('all')];
  }

  private of(key: TallyKey): Counts {
    let counts = this.counts.get(key);
    if (!counts) {
      counts = this.fresh();
      this.counts.set(key, counts);
    }
    return counts;
  }

  private fresh(): Counts {
    return { handOvers: 0, onTime: 0, handedDossiers: 0, completeAtHandOver: 0, overdueAtMonthEnd: 0, wentOverdue: 0, opened: new DossierCounts(this.names) };
  }
}
