import type { FindingView, InspectionView } from '../../../../shared/contract';
import { checkItemLabels, checkStatusLabels, findingKindLabels, measuredItems, repairOutcomeLabels } from '../../../../shared/inspections';
import type { ConfidentialityLevel } from '../../../../shared/levels';
import { LevelMarking } from '../../registers/level-marking';
import { formatLocalDate, formatLocalDateTime } from '../../../../shared/time';

export const RECORD_TITLE = '档案保管检查记录';

/** The printed inspection record in words: a header, the checklist, the findings with their repairs. */
export interface InspectionRecordModel {
  title: string;
  lines: string[];
  checkRows: string[][];
  findingRows: string[][];
  marking: string | null;
  classified: boolean;
}

function repairText(finding: FindingView): string {
  const repair = finding.repair;
  if (!repair) return '未开修复单';
  const ordered = `修复单第 ${repair.id} 号（${formatLocalDate(new Date(repair.orderedAt))}，${repair.orderedBy}）${repair.instructions ? `：${repair.instructions}` : ''}`;
  if (!repair.outcome) return `${ordered}；尚未修复`;
  const { outcome, note, repairedBy, repairedOn } = repair.outcome;
  return `${ordered}；${repairOutcomeLabels[outcome].zh}（${repairedOn}，${repairedBy}）${note ? `：${note}` : ''}`;
}

export function inspectionRecordModel(view: InspectionView, levels: readonly ConfidentialityLevel[]): InspectionRecordModel {
  const levelMarking = new LevelMarking(levels);
  const levelCell = (rank: number | null) => levelMarking.cell(rank);
  const checkRows = view.checks.map((check) => {
    const unit = measuredItems[check.item]?.unit;
    return [checkItemLabels[check.item].zh, check.reading === null ? '' : `${check.reading} ${unit ?? ''}`.trim(), checkStatusLabels[check.status].zh, check.note ?? ''];
  });
  const findingRows = view.findingList.map((f, i) => [
    String(i + 1),
    f.archiveNumber,
    f.hidden ? '（超出打印人知悉范围）' : (f.title ?? ''),
    levelCell(f.level),
    findingKindLabels[f.kind].zh,
    [f.note ?? '', f.photos.length > 0 ? `（照片 ${f.photos.length} 张）` : ''].join(''),
    repairText(f),
  ]);
  const place = view.place.locationId === null ? view.place.name : `${view.place.name}（${view.place.code}）`;
  const lines = [
    `第 ${view.id} 号保管检查；检查范围：${place}`,
    view.inspectedOn ? `检查日期：${view.inspectedOn}；检查人：${view.inspectors.join('、')}` : `进行中（未完成），开始于 ${formatLocalDateTime(new Date(view.startedAt))}（${view.startedBy}）`,
    // When it was entered, beside the day it says it was done: a record entered late shows it.
    ...(view.finishedAt ? [`登记：开始于 ${formatLocalDateTime(new Date(view.startedAt))}（${view.startedBy}），完成于 ${formatLocalDateTime(new Date(view.finishedAt))}（${view.finishedBy ?? ''}）`] : []),
    ...(view.remarks ? [`备注：${view.remarks}`] : []),
    `发现问题档案 ${view.findingList.length} 份，修复单未完成 ${view.openRepairs} 份。`,
  ];
  return { title: RECORD_TITLE, lines, checkRows, findingRows, marking: levelMarking.marking, classified: levelMarking.classified };
}
