import type { StocktakeAbsentView, StocktakeHolder, StocktakePlace, StocktakeScanView, StocktakeView } from '../../../../shared/contract';
import type { ConfidentialityLevel } from '../../../../shared/levels';
import { LevelMarking } from '../../registers/level-marking';
import { stocktakeOutcomeLabels } from '../../../../shared/stocktake';
import { formatLocalDateTime } from '../../../../shared/time';

export interface ReportColumn {
  title: string;
  /** Share of the printed width. */
  weight: number;
  /** Width in a sheet, in characters. */
  chars: number;
  align?: 'left' | 'center' | 'right';
}

/** The stocktake report, one model for both forms (pdf and xlsx). */
export interface StocktakeReport {
  title: string;
  /** Under the title: what, where, when, by whom, the totals. */
  lines: string[];
  columns: readonly ReportColumn[];
  rows: string[][];
  /** The highest marked level listed (机密, 绝密), for every page; null when none is. */
  marking: string | null;
  /** Whether a classified dossier is listed: the export is then watermarked. */
  classified: boolean;
}

export const REPORT_TITLE = '档案盘点报告';

const COLUMNS: readonly ReportColumn[] = [
  { title: '序号', weight: 5, chars: 6, align: 'right' },
  { title: '盘点结果', weight: 12, chars: 16 },
  { title: '档号', weight: 16, chars: 20 },
  { title: '题名', weight: 24, chars: 30 },
  { title: '说明', weight: 30, chars: 44 },
  { title: '扫描时间', weight: 13, chars: 17, align: 'center' },
  { title: '密级', weight: 6, chars: 8, align: 'center' },
];

const placeText = (place: StocktakePlace | null) => (place ? `${place.fullCode} ${place.path}` : '未上架');
const holderText = (holder: StocktakeHolder | null) => (holder ? `借出登记：${holder.name}，应还 ${holder.dueOn}` : '借出登记');
const at = (iso: string) => formatLocalDateTime(new Date(iso));

function scanNote(scan: StocktakeScanView): string {
  switch (scan.outcome) {
    case 'misplaced':
      return `应在：${placeText(scan.expected)}`;
    case 'on-loan':
      return `${holderText(scan.holder)}；应在：${placeText(scan.expected)}`;
    case 'unknown':
      return '系统中查不到此档号（或不在打印人知悉范围内）';
    case 'disposed':
      return '档案已销毁或已移交，标签却在架，请核查';
    default:
      return '';
  }
}

const ORDER = ['found', 'misplaced', 'on-loan', 'disposed', 'unknown'] as const;

/** Every scan but repeats (counted once) by outcome, then what is missing, then what is out on loan. */
export function stocktakeReport(view: StocktakeView, scans: readonly StocktakeScanView[], levels: readonly ConfidentialityLevel[]): StocktakeReport {
  const levelMarking = new LevelMarking(levels);
  const levelCell = (rank: number | null) => levelMarking.cell(rank);
  const rows: string[][] = [];
  const add = (result: string, archiveNumber: string, title: string | null, note: string, scannedAt: string, level: number | null) => rows.push([String(rows.length + 1), result, archiveNumber, title ?? '', note, scannedAt, levelCell(level)]);
  for (const outcome of ORDER) {
    for (const scan of scans) if (scan.outcome === outcome) add(stocktakeOutcomeLabels[outcome].zh, scan.archiveNumber, scan.title, scanNote(scan), at(scan.scannedAt), scan.level);
  }
  const absent = (list: readonly StocktakeAbsentView[], result: string, note: (a: StocktakeAbsentView) => string) => list.forEach((a) => add(result, a.archiveNumber, a.title, note(a), '', a.level));
  absent(view.missing, stocktakeOutcomeLabels.missing.zh, (a) => `应在：${placeText(a.place)}`);
  absent(view.away, stocktakeOutcomeLabels.away.zh, (a) => holderText(a.holder));

  const t = view.totals;
  const lines = [
    `第 ${view.id} 号盘点；盘点位置：${placeText(view.place)}`,
    `开始：${at(view.startedAt)}（${view.startedBy}）；${view.finishedAt ? `结束：${at(view.finishedAt)}（${view.finishedBy ?? ''}）` : '进行中（未结束）'}`,
    `应在 ${t.expected}，在位 ${t.found}，缺失 ${t.missing}，借出未还 ${t.away}，错架 ${t.misplaced}，登记借出但在架 ${t.onLoan}，无此档号 ${t.unknown}，重复扫描 ${t.repeats}（共扫描 ${t.scans} 次）`,
    ...(view.corrected ? [`位置纠正：${view.corrected} 份错架档案已移至本盘点位置`] : []),
    '本报告只列出打印人知悉范围内的档案。',
  ];
  return { title: REPORT_TITLE, lines, columns: COLUMNS, rows, marking: levelMarking.marking, classified: levelMarking.classified };
}
