import type { DossierRecord } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import { retentionLabel, retentionSchema } from '../../../../shared/dossier-types';
import { levelAt, levelLabel, type ConfidentialityLevel, type LevelLabelling } from '../../../../shared/levels';
import { toDossierSummary } from '../dossiers/dossier-summary';

/** A column of the catalogue: its share of the printed width, its width in the sheet (characters). */
export interface CatalogueColumn {
  title: string;
  weight: number;
  chars: number;
  numeric?: boolean;
  wrap?: boolean;
}

/** The columns of a 案卷目录, the same in the PDF and the sheet. */
export const catalogueColumns: readonly CatalogueColumn[] = [
  { title: '序号', weight: 4.5, chars: 8, numeric: true },
  { title: '档号', weight: 12, chars: 20 },
  { title: '案卷题名', weight: 30, chars: 44, wrap: true },
  { title: '档案类型', weight: 8.5, chars: 14 },
  { title: '密级', weight: 5, chars: 8 },
  { title: '部门', weight: 9, chars: 14 },
  { title: '建档日期', weight: 8.5, chars: 12 },
  { title: '保管期限', weight: 6.5, chars: 10 },
  { title: '备注', weight: 12, chars: 30, wrap: true },
];

export interface CatalogueEntry {
  cells: string[];
  classified: boolean;
  /** The level's name when it is marked (机密, 绝密), for the remark column and the page marking. */
  marking: string | null;
}

function retentionText(stored: string | null): string {
  if (!stored) return '';
  const parsed = retentionSchema.safeParse(JSON.parse(stored));
  return parsed.success ? retentionLabel(parsed.data) : '';
}

/**
 * One dossier as a row of the catalogue. The remark column carries the marking of 机密/绝密
 * dossiers first (CF-01: 检索工具备注栏), then the dossier's own remarks.
 */
export function catalogueEntry(db: Db, record: DossierRecord, position: number, levels: readonly ConfidentialityLevel[], labelling: LevelLabelling): CatalogueEntry {
  const summary = toDossierSummary(db, record, levels);
  const level = levelAt(levels, record.level);
  return {
    cells: [
      String(position),
      record.archiveNumber,
      record.title,
      summary.type?.name ?? '',
      levelLabel(levels, record.level, labelling),
      record.department.name,
      record.openedOn ?? record.createdAt.slice(0, 10),
      retentionText(record.retention),
      [summary.remark, record.remarks].filter(Boolean).join('；'),
    ],
    classified: level.classified,
    marking: summary.remark,
  };
}
