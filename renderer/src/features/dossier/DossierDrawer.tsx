import { AuditOutlined, DownOutlined, EditOutlined, FilePdfOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Dropdown, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestKinds, type DossierDetail, type RequestKind } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { ApiError, call, errorText } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { PrintMenu } from '../labels/PrintMenu';
import { useChannel } from '../../lib/use-channel';
import { ApprovalTable } from '../approvals/ApprovalTable';
import { kindLabel } from '../approvals/request-labels';
import { RequestDialog } from '../approvals/RequestDialog';
import { OpenShortages } from '../intake/OpenShortages';
import { ClassifyDialog } from './ClassifyDialog';
import { CustomersTab } from './CustomersTab';
import { DocumentsTab } from './DocumentsTab';
import { EditDossierDialog } from './EditDossierDialog';
import { HistoryTab } from './HistoryTab';
import { LinksTab } from './LinksTab';
import { OverviewTab } from './OverviewTab';
import { ScansTab } from '../scans/ScansTab';
import { ScansTabLabel } from '../scans/ScansTabLabel';
import { useDossierScans } from '../scans/use-dossier-scans';
import { HoldPanel } from '../holds/HoldPanel';
import { DossierCheckButton } from '../four-check/DossierCheckButton';

interface Props {
  archiveNumber: string | null;
  onClose: () => void;
  onChanged: () => void;
  /** Opens another dossier in its place (a linked one). */
  onOpen: (archiveNumber: string) => void;
}

/** One dossier: its record, what may be done with it, and its approvals. Opening a classified one is recorded. */
export function DossierDrawer({ archiveNumber, onClose, onChanged, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const open = archiveNumber !== null;
  const detail = useChannel('dossier:get', { archiveNumber: archiveNumber ?? '' }, open);
  const approvals = useChannel('approval:list', { archiveNumber: archiveNumber ?? '' }, open);
  const [exporting, setExporting] = useState(false);
  const [dialog, setDialog] = useState<'edit' | 'classify' | null>(null);
  const [latest, setLatest] = useState<DossierDetail | null>(null);
  const [requesting, setRequesting] = useState<RequestKind | null>(null);
  const loaded = detail.data?.archiveNumber === archiveNumber ? detail.data : undefined;
  // An edit answers with the whole dossier: shown at once, newer than the last read.
  const dossier = latest?.archiveNumber === archiveNumber && (!loaded || latest.updatedAt >= loaded.updatedAt) ? latest : loaded;
  const editable = can('dossier.edit');
  const scans = useDossierScans(dossier);
  const changed = (next: DossierDetail) => {
    setLatest(next);
    onChanged();
  };
  const saved = (next: DossierDetail) => {
    setDialog(null);
    changed(next);
  };

  const recordUse = async (id: number) => {
    try {
      await call('approval:record-use', { id });
      void message.success(t('approvals.recordedToast', { id }));
      approvals.reload();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };

  const exportPdf = async () => {
    if (!dossier) return;
    setExporting(true);
    try {
      const file = await call('dossier:export', { archiveNumber: dossier.archiveNumber });
      saveExport(file);
      void message.success(t('dossier.exported', { file: file.fileName }));
      approvals.reload();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'APPROVAL_REQUIRED') {
        // The dead end of old: the refusal leads straight to the request.
        modal.confirm({
          title: t('approvals.exportNeedsApproval'),
          content: errorText(failure, i18n.language),
          okText: t('approvals.requestExport'),
          cancelText: t('common.cancel'),
          onOk: () => setRequesting('export'),
        });
      } else {
        void message.error(errorText(failure, i18n.language));
      }
    } finally {
      setExporting(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={920}
      title={archiveNumber ? t('dossier.detailTitle', { number: archiveNumber }) : ''}
      data-testid="dossier-drawer"
      extra={
        dossier && (
          <Space>
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="edit-dossier">
                {t('dossier.edit')}
              </Button>
            )}
            {can('dossier.classify') && (
              <Button icon={<SafetyOutlined />} onClick={() => setDialog('classify')} data-testid="classify-button">
                {t('dossier.classify')}
              </Button>
            )}
            <Dropdown
              trigger={['click']}
              menu={{ items: requestKinds.map((kind) => ({ key: kind, label: kindLabel(kind, i18n.language) })), onClick: ({ key }) => setRequesting(key as RequestKind) }}
            >
              <Button icon={<AuditOutlined />} data-testid="request-button">
                {t('approvals.requestButton')} <DownOutlined />
              </Button>
            </Dropdown>
            <PrintMenu archiveNumber={dossier.archiveNumber} hasChecklist={dossier.checklist.length > 0} />
            {(can('dossier.export') || can('archive.verify')) && <DossierCheckButton archiveNumber={dossier.archiveNumber} />}
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
          <OpenShortages archiveNumber={dossier.archiveNumber} />
          <HoldPanel
            archiveNumber={dossier.archiveNumber}
            onChanged={() => {
              detail.reload();
              onChanged();
            }}
          />
          <Tabs
            // Each dossier starts afresh: no tab or inline form keeps what was typed for the last one.
            key={dossier.archiveNumber}
            data-testid="dossier-tabs"
            items={[
              { key: 'overview', label: t('catalogue.overview'), children: <OverviewTab dossier={dossier} editable={editable} onChanged={changed} /> },
              {
                key: 'documents',
                label: `${t('catalogue.documents')}${dossier.complete ? '' : ` · ${t('catalogue.incomplete', { count: dossier.missingCount })}`}`,
                children: <DocumentsTab dossier={dossier} editable={editable} onChanged={changed} scans={scans.data} />,
              },
              { key: 'scans', label: <ScansTabLabel scans={scans.data} />, children: <ScansTab dossier={dossier} scans={scans} editable={editable} onDossierChanged={changed} /> },
              { key: 'customers', label: `${t('customers.title')} (${dossier.customers.length})`, children: <CustomersTab dossier={dossier} editable={editable} onChanged={changed} /> },
              { key: 'links', label: `${t('catalogue.links')} (${dossier.links.length})`, children: <LinksTab dossier={dossier} editable={editable} onChanged={changed} onOpen={onOpen} /> },
              { key: 'history', label: t('catalogue.history'), children: <HistoryTab dossier={dossier} /> },
              {
                key: 'approvals',
                label: t('dossier.approvals'),
                children: (
                  <ApprovalTable
                    withinDossier
                    requests={approvals.data ?? []}
                    loading={approvals.loading}
                    emptyText={t('dossier.noApprovals')}
                    testId="dossier-approvals"
                    onRecordUse={can('register.keep') ? (request) => void recordUse(request.id) : undefined}
                  />
                ),
              },
            ]}
          />
          <EditDossierDialog dossier={dossier} open={dialog === 'edit'} onClose={() => setDialog(null)} onSaved={saved} />
          <ClassifyDialog dossier={dossier} open={dialog === 'classify'} onClose={() => setDialog(null)} onSaved={saved} />
          <RequestDialog
            dossier={dossier}
            kind={requesting}
            onClose={() => setRequesting(null)}
            onFiled={(request) => {
              setRequesting(null);
              approvals.reload();
              void message.success(t('approvals.filedToast', { id: request.id, kind: kindLabel(request.kind, i18n.language) }));
            }}
          />
        </>
      )}
    </Drawer>
  );
}
