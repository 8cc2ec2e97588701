import { Alert, DatePicker, Flex, Select, Space, Spin, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../lib/use-channel';
import { RegisterExportButton } from '../../ui/RegisterExportButton';
import { KpiTab } from './KpiTab';
import { ViolationTab } from './ViolationTab';

/** Statistics (统计): the KPIs per department over 12 months (KP-01) and the month's violation ledger (PN-01…PN-08). */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [department, setDepartment] = useState<string | undefined>();
  const [tab, setTab] = useState('kpi');
  const input = { month: month.format('YYYY-MM'), ...(department ? { department } : {}) };
  const departments = useChannel('department:list', {});
  const kpi = useChannel('kpi:report', input, tab === 'kpi');
  const violations = useChannel('violation:report', input, tab === 'violations');
  const shown = tab === 'kpi' ? kpi : violations;
  return (
    <div className="page" data-testid="statistics-page">
      <Flex justify="space-between" align="center" wrap gap={12} className="page-toolbar">
        <Typography.Title level={3} className="page-title">
          {t('statistics.title')}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(value: Dayjs | null) => value && setMonth(value.startOf('month'))}
            disabledDate={(day: Dayjs) => day.isAfter(dayjs(), 'month')}
            format="YYYY-MM"
            aria-label={t('statistics.month')}
            data-testid="statistics-month"
          />
          <Select
            allowClear
            style={{ minWidth: 180 }}
            placeholder={t('statistics.allDepartments')}
            value={department}
            onChange={(value?: string) => setDepartment(value)}
            options={(departments.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
            data-testid="statistics-department"
          />
          <RegisterExportButton kind={tab === 'kpi' ? 'kpi' : 'violations'} />
        </Space>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'kpi', label: t('statistics.kpiTab'), children: kpi.data && <KpiTab report={kpi.data} /> },
          { key: 'violations', label: t('statistics.violationTab'), children: violations.data && <ViolationTab report={violations.data} /> },
        ]}
      />
      {shown.error && <Alert type="error" showIcon title={shown.error.text(i18n.language)} data-testid="statistics-error" />}
      {shown.loading && !shown.data && (
        <div className="page-loading">
          <Spin />
        </div>
      )}
    </div>
  );
}
