import { levelAt, type ConfidentialityLevel } from '../../../shared/levels';

/**
 * The level column of a printed list and what the whole print carries for it (CF-01): a classified
 * dossier's level by name, whether any is listed (the print is then watermarked), and the highest
 * marked level listed (printed on every page).
 */
export class LevelMarking {
  private marked: ConfidentialityLevel | null = null;
  private anyClassified = false;

  constructor(private readonly levels: readonly ConfidentialityLevel[]) {}

  /** The cell of a dossier of this rank: its level's name when classified, else empty (null: none shown). */
  cell(rank: number | null): string {
    if (rank === null) return '';
    const level = levelAt(this.levels, rank);
    if (!level.classified) return '';
    this.anyClassified = true;
    if (level.marked && (!this.marked || this.levels.indexOf(level) > this.levels.indexOf(this.marked))) this.marked = level;
    return level.name;
  }

  get classified(): boolean {
    return this.anyClassified;
  }

  /** The name of the highest marked level listed; null when none is. */
  get marking(): string | null {
    return this.marked?.name ?? null;
  }
}
