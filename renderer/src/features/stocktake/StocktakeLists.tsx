import { Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StocktakeAbsentView, StocktakeScanView, StocktakeView } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { LevelTag } from '../../ui/LevelTag';
import { outcomeColor, placeWords } from './scan-words';

/** The scans so far, what is still missing, and what is out on loan. */
export function StocktakeLists({ view }: { view: StocktakeView }) {
  const { t } = useTranslation();
  const title = (text: string | null, level: number | null) => (
    <>
      {text ?? '—'} {level !== null && <LevelTag rank={level} />}
    </>
  );
  const scanNote = (scan: StocktakeScanView) => {
    if (scan.outcome === 'misplaced') return t('stocktake.belongsAt', { where: placeWords(scan.expected, t) });
    if (scan.outcome === 'on-loan' && scan.holder) return t('stocktake.holder', { holder: scan.holder.name, due: scan.holder.dueOn });
    if (scan.outcome === 'repeat' && scan.firstScannedAt) return formatDateTime(scan.firstScannedAt);
    return '';
  };
  const absentColumns = (note: (a: StocktakeAbsentView) => string) => [
    { title: t('stocktake.archiveNumber'), dataIndex: 'archiveNumber', width: 200 },
    { title: t('stocktake.dossierTitle'), render: (_: unknown, a: StocktakeAbsentView) => title(a.title, a.level) },
    { title: t('stocktake.note'), render: (_: unknown, a: StocktakeAbsentView) => note(a) },
  ];
  return (
    <Tabs
      items={[
        {
          key: 'scans',
          label: t('stocktake.scans', { count: view.totals.scans }),
          children: (
            <Table<StocktakeScanView>
              size="small"
              rowKey="id"
              data-testid="stocktake-scans"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={view.scans}
              columns={[
                { title: t('stocktake.scannedAt'), dataIndex: 'scannedAt', width: 150, render: (at: string) => formatDateTime(at) },
                { title: t('stocktake.archiveNumber'), dataIndex: 'archiveNumber', width: 200 },
                { title: t('stocktake.result'), dataIndex: 'outcome', width: 150, render: (outcome: StocktakeScanView['outcome']) => <Tag color={outcomeColor[outcome]}>{t(`stocktake.outcome.${outcome}`)}</Tag> },
                { title: t('stocktake.dossierTitle'), render: (_, scan) => title(scan.title, scan.level) },
                { title: t('stocktake.note'), render: (_, scan) => scanNote(scan) },
              ]}
            />
          ),
        },
        {
          key: 'missing',
          label: t('stocktake.missingList', { count: view.totals.missing }),
          children: <Table<StocktakeAbsentView> size="small" rowKey="archiveNumber" data-testid="stocktake-missing" locale={{ emptyText: t('stocktake.noneMissing') }} pagination={{ pageSize: 50, hideOnSinglePage: true }} dataSource={view.missing} columns={absentColumns((a) => placeWords(a.place, t))} />,
        },
        {
          key: 'away',
          label: t('stocktake.awayList', { count: view.totals.away }),
          children: <Table<StocktakeAbsentView> size="small" rowKey="archiveNumber" data-testid="stocktake-away" pagination={{ pageSize: 50, hideOnSinglePage: true }} dataSource={view.away} columns={absentColumns((a) => (a.holder ? t('stocktake.holder', { holder: a.holder.name, due: a.holder.dueOn }) : ''))} />,
        },
      ]}
    />
  );
}
