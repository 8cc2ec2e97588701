import { findDepartmentByCode } from '../../../../db/repositories/departments';
import type { Db } from '../../../../db/open';
import { statusLabels, type CatalogueList } from '../../../../shared/contract';
import { levelLabel, type ConfidentialityLevel, type LevelLabelling } from '../../../../shared/levels';
import { placeOf } from '../locations/place-of';
import { currentTypes } from '../types/type-catalog';

const sortNames = { created: '建档时间', archiveNumber: '档号', openedOn: '建档日期' } as const;

/**
 * The list in words, as printed under a catalogue's title and recorded with its export:
 * 检索“张三”；档案类型：新车档案；按档号升序. Codes become the names a clerk knows.
 */
export function describeList(db: Db, list: CatalogueList, levels: readonly ConfidentialityLevel[], labelling: LevelLabelling): string {
  const { filters } = list;
  const typeNames = new Map(currentTypes(db).map((type) => [type.definition.key, type.definition.name]));
  const place = filters.locationId === undefined ? null : placeOf(db, filters.locationId);
  const parts = [
    list.query ? `检索“${list.query}”` : null,
    filters.typeKeys ? `档案类型：${filters.typeKeys.map((key) => typeNames.get(key) ?? key).join('、')}` : null,
    filters.statuses ? `状态：${filters.statuses.map((status) => statusLabels[status].zh).join('、')}` : null,
    filters.levels ? `密级：${filters.levels.map((rank) => levelLabel(levels, rank, labelling)).join('、')}` : null,
    filters.classifications ? `客户分类：${filters.classifications.join('、')}` : null,
    filters.departmentCodes ? `部门：${filters.departmentCodes.map((code) => findDepartmentByCode(db, code)?.name ?? code).join('、')}` : null,
    filters.complete === undefined ? null : filters.complete ? '必备文件齐全' : '缺少必备文件',
    filters.held ? '诉讼保全中' : null,
    filters.locationId === undefined ? null : `存放位置：${place ? `${place.fullCode} ${place.path}` : filters.locationId}`,
    filters.openedFrom || filters.openedTo ? `建档日期 ${filters.openedFrom ?? '…'} 至 ${filters.openedTo ?? '…'}` : null,
  ].filter((part): part is string => part !== null);
  const order = `按${sortNames[list.sort.by]}${list.sort.direction === 'asc' ? '升序' : '降序'}`;
  return `${parts.length > 0 ? parts.join('；') : '全部档案'}；${order}`;
}
