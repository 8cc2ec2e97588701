import { LEVEL_COLUMN_TITLE, type RegisterColumn, type RegisterValueType } from '../registers/register-spec';
import { textWidth } from './char-setting';
import { pageContentWidth } from './pdf-writer';

/** The register's table type size (the writer's default). */
const SIZE = 8.5;

/** The widest value a column of each type usually holds; text wraps, so a few characters suffice. */
const SAMPLES: Record<RegisterValueType, string> = { text: '档案室', day: '2026-12-31', time: '2026-12-31 23:59', integer: '99999', money: '99,999.00' };

/** The least width a column needs: its usual value on one line, its title on at most two. */
function naturalWidth(title: string, type: RegisterValueType): number {
  return Math.max(textWidth(SAMPLES[type], 'regular', SIZE), textWidth(title, 'bold', SIZE) / 2) + 6;
}

/** The 密级 column holds a level's name (two characters by default) and no more. */
const levelWidth = () => Math.max(textWidth('机密', 'regular', SIZE), textWidth(LEVEL_COLUMN_TITLE, 'bold', SIZE)) + 8;

export interface RegisterLayout {
  landscape: boolean;
  /** The weight that gives the 密级 column its width beside the register's columns. */
  levelWeight: number;
}

/**
 * Portrait when every column gets its natural width there beside the 密级 column; landscape
 * otherwise (or as the register asks).
 */
export function registerLayout(columns: readonly RegisterColumn[], orientation?: 'portrait' | 'landscape'): RegisterLayout {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const share = (landscape: boolean) => pageContentWidth(landscape) - levelWidth();
  const fits = columns.every((column) => (column.weight / total) * share(false) >= naturalWidth(column.title, column.type));
  const landscape = orientation ? orientation === 'landscape' : !fits;
  return { landscape, levelWeight: (total * levelWidth()) / share(landscape) };
}
