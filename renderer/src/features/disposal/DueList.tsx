import { Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueDossierView } from '../../../../shared/contract';
import { retentionLabel } from '../../../../shared/dossier-types';
import { DAY_FORMATS } from '../../lib/typed-day';
import { useChannel } from '../../lib/use-channel';
import { AppraisalDialog } from './AppraisalDialog';
import { appraisalWords } from './disposal-words';

/** Dossiers due for appraisal by a day, per year; select and appraise. */
export function DueList() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const [until, setUntil] = useState('');
  const [year, setYear] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [appraising, setAppraising] = useState(false);
  const due = useChannel('retention:due', { ...(until ? { until } : {}), ...(year ? { year } : {}) });
  const view = due.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('disposal.dueHint')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('disposal.until')}</span>
          <DatePicker
            format={DAY_FORMATS}
            allowClear={false}
            style={{ width: 170 }}
            value={until || view?.until ? dayjs(until || view?.until) : null}
            onChange={(day) => setUntil(day ? day.format('YYYY-MM-DD') : '')}
            data-testid="disposal-until"
          />
          <Tag.CheckableTag checked={year === undefined} onChange={() => setYear(undefined)}>
            {t('disposal.allYears')}
          </Tag.CheckableTag>
          {view?.years.map((y) => (
            <Tag.CheckableTag key={y.year} checked={year === y.year} onChange={() => setYear(y.year)} data-testid={`disposal-year-${y.year}`}>
              {t('disposal.yearCount', { year: y.year, count: y.count })}
            </Tag.CheckableTag>
          ))}
        </Space>
      </Card>
      <Button type="primary" disabled={selected.length === 0} onClick={() => setAppraising(true)} data-testid="disposal-appraise">
        {t('disposal.appraise', { count: selected.length })}
      </Button>
      <Table<DueDossierView>
        size="small"
        rowKey="archiveNumber"
        loading={due.loading}
        dataSource={view?.dossiers ?? []}
        locale={{ emptyText: t('disposal.noneDue') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (d) => ({ disabled: d.held, name: d.archiveNumber }) }}
        data-testid="disposal-due"
        columns={[
          { title: t('disposal.archiveNumber'), dataIndex: 'archiveNumber', width: 170, render: (n: string) => <span className="archive-number">{n}</span> },
          { title: t('disposal.dossierTitle'), dataIndex: 'title', ellipsis: true },
          { title: t('disposal.retention'), width: 90, render: (_, d) => retentionLabel(d.retention, english ? 'en' : 'zh') },
          { title: t('disposal.triggerOn'), dataIndex: 'triggerOn', width: 110 },
          { title: t('disposal.dueOn'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('disposal.appraisal'),
            width: 200,
            render: (_, d) => (
              <>
                {d.held && <Tag color="red">{t('disposal.held')}</Tag>}
                {d.appraisal && appraisalWords(d.appraisal, t, english)}
              </>
            ),
          },
        ]}
      />
      {appraising && (
        <AppraisalDialog
          archiveNumbers={selected}
          onClose={(done) => {
            setAppraising(false);
            if (done) {
              setSelected([]);
              due.reload();
            }
          }}
        />
      )}
    </Space>
  );
}
