import { FilePdfOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalKindLabels, type ApprovalSummary } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useChannel } from '../../lib/use-channel';
import { LevelTag } from '../../ui/LevelTag';
import { ClassifyDialog } from './ClassifyDialog';

interface Props {
  archiveNumber: string | null;
  onClose: () => void;
  onChanged: () => void;
}

/** One dossier: its record, what may be done with it, and its approvals. Opening a classified one is recorded. */
export function DossierDrawer({ archiveNumber, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const open = archiveNumber !== null;
  const detail = useChannel('dossier:get', { archiveNumber: archiveNumber ?? '' }, open);
  const approvals = useChannel('approval:list', { archiveNumber: archiveNumber ?? '' }, open);
  const [exporting, setExporting] = useState(false);
  const [classifying, setClassifying] = useState(false);
  const dossier = detail.data?.archiveNumber === archiveNumber ? detail.data : undefined;
  const english = i18n.language === 'en';

  const exportPdf = async () => {
    if (!dossier) return;
    setExporting(true);
    try {
      const file = await call('dossier:export', { archiveNumber: dossier.archiveNumber });
      saveExport(file);
      void message.success(t('dossier.exported', { file: file.fileName }));
      approvals.reload();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={archiveNumber ? t('dossier.detailTitle', { number: archiveNumber }) : ''}
      data-testid="dossier-drawer"
      extra={
        dossier && (
          <Space>
            {can('dossier.classify') && (
              <Button icon={<SafetyOutlined />} onClick={() => setClassifying(true)} data-testid="classify-button">
                {t('dossier.classify')}
              </Button>
            )}
            {can('dossier.export') && (
              <Button type="primary" icon={<FilePdfOutlined />} loading={exporting} onClick={() => void exportPdf()} data-testid="export-button">
                {t('dossier.export')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {detail.error && <Alert type="error" showIcon title={detail.error.text(i18n.language)} />}
      {dossier && (
        <>
          <Descriptions column={1} bordered size="small" labelStyle={{ width: 130 }}>
            <Descriptions.Item label={t('dossier.archiveNumber')}>
              <span className="archive-number">{dossier.archiveNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('dossier.title')}>{dossier.title}</Descriptions.Item>
            <Descriptions.Item label={t('dossier.level')}>
              <LevelTag rank={dossier.level} /> {dossier.classified && <Tag color="orange">{t('dossier.classified')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('dossier.department')}>{`${dossier.department.name}（${dossier.department.code}）`}</Descriptions.Item>
            <Descriptions.Item label={t('dossier.custodian')}>{dossier.custodian ? `${dossier.custodian.displayName}（${dossier.custodian.login}）` : t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('dossier.storedSeparately')}>{dossier.storedSeparately ? t('common.yes') : t('common.no')}</Descriptions.Item>
            <Descriptions.Item label={t('dossier.createdAt2')}>{formatDateTime(dossier.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('dossier.createdBy')}>{dossier.createdBy.displayName}</Descriptions.Item>
          </Descriptions>
          <h4 className="drawer-section">{t('dossier.approvals')}</h4>
          <Table<ApprovalSummary>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={approvals.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dossier.noApprovals')} /> }}
            columns={[
              { title: t('dossier.approvalKind'), dataIndex: 'kind', render: (kind: ApprovalSummary['kind']) => (english ? approvalKindLabels[kind].en : approvalKindLabels[kind].zh) },
              { title: t('dossier.grantee'), render: (_, a) => a.grantee.displayName },
              { title: t('dossier.approver'), render: (_, a) => a.approver.displayName },
              { title: t('dossier.validUntil'), dataIndex: 'validUntil', render: formatDateTime },
              { title: t('settings.status'), dataIndex: 'usedAt', render: (used: string | null) => (used ? t('dossier.used') : t('dossier.unused')) },
            ]}
          />
          <ClassifyDialog
            dossier={dossier}
            open={classifying}
            onClose={() => setClassifying(false)}
            onSaved={() => {
              setClassifying(false);
              detail.reload();
              onChanged();
            }}
          />
        </>
      )}
    </Drawer>
  );
}
