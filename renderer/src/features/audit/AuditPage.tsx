import { FileExcelOutlined, FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionLabel, auditActionLabels } from '../../../../shared/audit-actions';
import type { AuditEventView, AuditFilter, VerifyReport } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { usePagedChannel } from '../../lib/use-paged-channel';
import { eventColumns } from './audit-columns';
import { FourCheckButton } from '../four-check/FourCheckButton';

interface FilterForm {
  period?: [Dayjs, Dayjs] | null;
  user?: string;
  action?: string;
  archiveNumber?: string;
}

function toFilter(values: FilterForm): AuditFilter {
  return {
    ...(values.period ? { from: values.period[0].format('YYYY-MM-DD'), to: values.period[1].format('YYYY-MM-DD') } : {}),
    ...(values.user?.trim() ? { user: values.user.trim() } : {}),
    ...(values.action ? { action: values.action } : {}),
    ...(values.archiveNumber?.trim() ? { archiveNumber: values.archiveNumber.trim() } : {}),
  };
}

/** The auditor's screen: filter the trail, verify its hash chain, export what was found. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const [filter, setFilter] = useState<AuditFilter>({});
  const trail = usePagedChannel('audit:list', { ...filter, limit: 100 }, i18n.language);
  const [form] = Form.useForm<FilterForm>();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    } finally {
      setBusy(null);
    }
  };

  const auditCheck = report?.checks.find((c) => c.name === 'audit-trail');

  return (
    <div className="page">
      <Flex justify="space-between" align="center" className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {t('audit.title')}
        </Typography.Title>
        <Space>
          {can('archive.verify') && (
            <Button icon={<SafetyCertificateOutlined />} loading={busy === 'verify'} onClick={() => void run('verify', async () => setReport(await call('archive:verify', {})))} data-testid="verify-button">
              {t('audit.verify')}
            </Button>
          )}
          {can('archive.verify') && <FourCheckButton />}
          <Button icon={<FileExcelOutlined />} loading={busy === 'csv'} onClick={() => void run('csv', async () => saveExport(await call('audit:export', { ...filter, format: 'csv' })))} data-testid="export-csv">
            {t('audit.exportCsv')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void run('pdf', async () => saveExport(await call('audit:export', { ...filter, format: 'pdf' })))} data-testid="export-pdf">
            {t('audit.exportPdf')}
          </Button>
        </Space>
      </Flex>
      {auditCheck && (
        <Alert
          className="form-alert"
          type={auditCheck.ok ? 'success' : 'error'}
          showIcon
          data-testid="verify-result"
          title={language === 'en' ? auditCheck.messageEn : auditCheck.message}
          description={
            report?.auditHead ? (
              <span>
                {t('audit.head')}: <Typography.Text code copyable>{`${report.auditHead.id}:${report.auditHead.hash}`}</Typography.Text>
              </span>
            ) : undefined
          }
        />
      )}
      <Form<FilterForm> form={form} layout="inline" className="audit-filters" onFinish={(values) => setFilter(toFilter(values))}>
        <Form.Item name="period" label={t('audit.period')}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="user">
          <Input placeholder={t('audit.filterUser')} allowClear style={{ width: 140 }} data-testid="filter-user" />
        </Form.Item>
        <Form.Item name="action">
          <Select
            placeholder={t('audit.filterAction')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 190 }}
            options={Object.keys(auditActionLabels).map((action) => ({ value: action, label: auditActionLabel(action, language) }))}
            data-testid="filter-action"
          />
        </Form.Item>
        <Form.Item name="archiveNumber">
          <Input placeholder={t('audit.filterDossier')} allowClear style={{ width: 170 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="filter-search">
          {t('audit.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setFilter({});
          }}
        >
          {t('audit.reset')}
        </Button>
      </Form>
      {trail.error && <Alert type="error" showIcon title={trail.error} className="form-alert" />}
      <Table<AuditEventView>
        rowKey="id"
        size="small"
        loading={trail.loading}
        dataSource={trail.items}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        data-testid="audit-table"
        columns={[
          { key: 'id', title: '#', dataIndex: 'id', width: 70 },
          ...eventColumns(t, language).flatMap((column) =>
            column.key === 'user'
              ? [column, { key: 'department', title: t('audit.department'), width: 80, render: (_: unknown, e: AuditEventView) => e.user?.department ?? '' }]
              : column.key === 'action'
                ? [column, { key: 'target', title: t('audit.target'), width: 150, render: (_: unknown, e: AuditEventView) => e.target?.label ?? '' }]
                : [column],
          ),
          { key: 'frontDoor', title: t('audit.frontDoor'), dataIndex: 'frontDoor', width: 70, render: (door: 'ui' | 'cli') => t(`audit.${door}`) },
        ]}
        footer={trail.hasMore ? () => <Button onClick={() => void trail.loadMore()}>{t('audit.loadMore')}</Button> : undefined}
      />
    </div>
  );
}
