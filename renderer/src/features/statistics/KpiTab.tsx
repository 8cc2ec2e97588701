import { Card, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiMonth, KpiReport, NamedCount } from '../../../../shared/contract';
import { countOption, countedNames, palette, percent, rateOption } from './chart-options';
import { KpiPanel } from './KpiPanel';

type Dimension = 'type' | 'level' | 'classification';
const pickers: Record<Dimension, (m: KpiMonth) => NamedCount[]> = { type: (m) => m.openedByType, level: (m) => m.openedByLevel, classification: (m) => m.openedByClassification };

/** The KPIs of the chosen department (or all) over 12 months, each a chart with its numbers; then the chosen month per department. */
export function KpiTab({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<Dimension>('type');
  const { months } = report;
  const shown = [...months].reverse();
  const monthColumn = { title: t('statistics.month'), dataIndex: 'month', width: 80 };
  const names = countedNames(months, pickers[dimension]);
  const countIn = (m: KpiMonth, key: string) => pickers[dimension](m).find((c) => c.key === key)?.count ?? 0;
  const catalogue = report.catalogue;

  const departmentColumns: TableColumnsType<KpiReport['byDepartment'][number]> = [
    { title: t('statistics.department'), key: 'department', render: (_, row) => `${row.department.name}（${row.department.code}）` },
    { title: t('statistics.timeliness'), key: 'timeliness', align: 'right', render: (_, row) => `${percent(row.figures.timeliness)}（${row.figures.onTime}/${row.figures.handOvers}）` },
    { title: t('statistics.completeness'), key: 'completeness', align: 'right', render: (_, row) => `${percent(row.figures.completeness)}（${row.figures.completeAtHandOver}/${row.figures.handedDossiers}）` },
    { title: t('statistics.overdueAtMonthEnd'), key: 'overdue', align: 'right', render: (_, row) => row.figures.overdueAtMonthEnd },
    { title: t('statistics.wentOverdue'), key: 'went', align: 'right', render: (_, row) => row.figures.wentOverdue },
    { title: t('statistics.opened'), key: 'opened', align: 'right', render: (_, row) => row.figures.opened },
    { title: t('statistics.catalogue'), key: 'catalogue', align: 'right', render: (_, row) => `${percent(row.catalogue.completeness)}（${row.catalogue.complete}/${row.catalogue.dossiers}）` },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <KpiPanel<KpiMonth>
        title={t('statistics.timeliness')}
        hint={t('statistics.timelinessHint')}
        option={rateOption(months, t('statistics.timeliness'), (m) => m.timeliness, palette[0] ?? '')}
        columns={[monthColumn, { title: t('statistics.onTimeOfAll'), key: 'n', align: 'right', render: (_, m) => `${m.onTime} / ${m.handOvers}` }, { title: t('statistics.rate'), key: 'r', align: 'right', render: (_, m) => percent(m.timeliness) }]}
        rows={shown}
        rowKey="month"
        testId="kpi-timeliness"
      />
      <KpiPanel<KpiMonth>
        title={t('statistics.completeness')}
        hint={t('statistics.completenessHint')}
        extra={<Typography.Text type="secondary">{t('statistics.catalogueNow', { rate: percent(catalogue.completeness), complete: catalogue.complete, dossiers: catalogue.dossiers })}</Typography.Text>}
        option={rateOption(months, t('statistics.completeness'), (m) => m.completeness, palette[1] ?? '')}
        columns={[monthColumn, { title: t('statistics.completeOfAll'), key: 'n', align: 'right', render: (_, m) => `${m.completeAtHandOver} / ${m.handedDossiers}` }, { title: t('statistics.rate'), key: 'r', align: 'right', render: (_, m) => percent(m.completeness) }]}
        rows={shown}
        rowKey="month"
        testId="kpi-completeness"
      />
      <KpiPanel<KpiMonth>
        title={t('statistics.overdue')}
        hint={t('statistics.overdueHint')}
        option={countOption(months, [
          { name: t('statistics.overdueAtMonthEnd'), value: (m) => m.overdueAtMonthEnd, color: '#f5222d' },
          { name: t('statistics.wentOverdue'), value: (m) => m.wentOverdue, color: '#fa8c16' },
        ])}
        columns={[monthColumn, { title: t('statistics.overdueAtMonthEnd'), dataIndex: 'overdueAtMonthEnd', align: 'right' }, { title: t('statistics.wentOverdue'), dataIndex: 'wentOverdue', align: 'right' }]}
        rows={shown}
        rowKey="month"
        testId="kpi-overdue"
      />
      <KpiPanel<KpiMonth>
        title={t('statistics.opened')}
        hint={t('statistics.openedHint')}
        extra={
          <Segmented<Dimension>
            size="small"
            value={dimension}
            onChange={setDimension}
            options={[
              { value: 'type', label: t('statistics.byType') },
              { value: 'level', label: t('statistics.byLevel') },
              { value: 'classification', label: t('statistics.byClassification') },
            ]}
            data-testid="kpi-opened-dimension"
          />
        }
        option={countOption(
          months,
          names.map((n, i) => ({ name: n.name, value: (m: KpiMonth) => countIn(m, n.key), color: palette[i % palette.length] ?? '' })),
          true,
        )}
        columns={[monthColumn, ...names.map((n) => ({ title: n.name, key: n.key, align: 'right' as const, render: (_: unknown, m: KpiMonth) => countIn(m, n.key) })), { title: t('statistics.total'), dataIndex: 'opened', align: 'right' }]}
        rows={shown}
        rowKey="month"
        testId="kpi-opened"
      />
      <Card size="small" title={t('statistics.byDepartmentTitle', { month: report.month })} data-testid="kpi-by-department">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('statistics.byDepartmentHint')}
        </Typography.Paragraph>
        <Table size="small" pagination={false} columns={departmentColumns} dataSource={report.byDepartment} rowKey={(row) => row.department.code} />
      </Card>
    </div>
  );
}
