import { Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { DossierListColumn, DossierSortKey, DossierSummary } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { LevelRemark, LevelTag } from '../../ui/LevelTag';
import { DestroyedByTag } from '../disposal/DestroyedByTag';
import { MatchCell } from './MatchCell';
import { HeldTag } from '../holds/HeldTag';

export const defaultColumns: DossierListColumn[] = ['archiveNumber', 'title', 'match', 'type', 'complete', 'level', 'department', 'createdAt', 'remark'];

/** Which columns sort in the core, by which key. */
const sortKeyOf: Partial<Record<DossierListColumn, DossierSortKey>> = { archiveNumber: 'archiveNumber', openedOn: 'openedOn', createdAt: 'created' };

export function columnTitle(t: TFunction, column: DossierListColumn): string {
  const titles: Record<DossierListColumn, string> = {
    archiveNumber: t('dossier.archiveNumber'),
    title: t('dossier.title'),
    match: t('catalogue.matchedIn'),
    type: t('catalogue.type'),
    complete: t('catalogue.completeness'),
    level: t('dossier.level'),
    department: t('dossier.department'),
    openedOn: t('catalogue.openedOn'),
    createdAt: t('dossier.createdAt'),
    remark: t('dossier.remark'),
  };
  return titles[column];
}

export function dossierColumns(t: TFunction, shown: readonly DossierListColumn[], sort: { by: DossierSortKey; direction: 'asc' | 'desc' }, english = false): ColumnType<DossierSummary>[] {
  const render: Record<DossierListColumn, Omit<ColumnType<DossierSummary>, 'title' | 'key'>> = {
    archiveNumber: { width: 170, render: (_, d) => <span className="archive-number">{d.archiveNumber}</span> },
    title: {
      width: 280,
      ellipsis: true,
      render: (_, d) => (
        <>
          {d.destructionList && <DestroyedByTag number={d.destructionList} />}
          {d.held && <HeldTag />}
          {d.title}
        </>
      ),
    },
    // No ellipsis: the core sends a window of a long value that keeps the match in view.
    match: { width: 300, render: (_, d) => (d.match ? <MatchCell match={d.match} /> : null) },
    type: { width: 110, ellipsis: true, render: (_, d) => (english && d.type?.nameEn ? d.type.nameEn : (d.type?.name ?? '')) },
    complete: {
      width: 140,
      render: (_, d) => (d.type === null ? null : d.complete ? <Tag color="green">{t('catalogue.complete')}</Tag> : <Tag color="red">{t('catalogue.incomplete', { count: d.missingCount })}</Tag>),
    },
    level: { width: 90, render: (_, d) => <LevelTag rank={d.level} /> },
    department: { width: 120, ellipsis: true, render: (_, d) => d.department.name },
    openedOn: { width: 110, render: (_, d) => d.openedOn ?? '' },
    createdAt: { width: 150, render: (_, d) => formatDateTime(d.createdAt) },
    remark: { width: 90, render: (_, d) => <LevelRemark rank={d.level} remark={d.remark} /> },
  };
  return shown.map((column) => {
    const key = sortKeyOf[column];
    return {
      key: column,
      title: columnTitle(t, column),
      ...render[column],
      ...(key ? { sorter: true, sortOrder: sort.by === key ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null, sortDirections: ['ascend', 'descend', 'ascend'] } : {}),
    } satisfies ColumnType<DossierSummary>;
  });
}

export function sortFromColumn(column: string | undefined, order: 'ascend' | 'descend' | null | undefined): { by: DossierSortKey; direction: 'asc' | 'desc' } {
  const key = column ? sortKeyOf[column as DossierListColumn] : undefined;
  if (!key || !order) return { by: 'created', direction: 'desc' };
  return { by: key, direction: order === 'ascend' ? 'asc' : 'desc' };
}
