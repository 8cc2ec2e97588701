import { Alert, Button, Table } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView, DossierDetail } from '../../../../shared/contract';
import { usePagedChannel } from '../../lib/use-paged-channel';
import { eventColumns } from '../audit/audit-columns';

/** What happened to the dossier, newest first, from the audit trail (the import that brought it in included). */
export function HistoryTab({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const history = usePagedChannel('dossier:history', { archiveNumber: dossier.archiveNumber, limit: 50 }, i18n.language);
  const { reload } = history;
  // The history follows edits made in the other tabs.
  const changedAt = useRef(dossier.updatedAt);
  useEffect(() => {
    if (changedAt.current === dossier.updatedAt) return;
    changedAt.current = dossier.updatedAt;
    reload();
  }, [dossier.updatedAt, reload]);
  return (
    <>
      {history.error && <Alert type="error" showIcon title={history.error} className="form-alert" />}
      <Table<AuditEventView>
        rowKey="id"
        size="small"
        loading={history.loading}
        dataSource={history.items}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        data-testid="history-table"
        columns={eventColumns(t, language)}
        footer={history.hasMore ? () => <Button onClick={() => void history.loadMore()}>{t('audit.loadMore')}</Button> : undefined}
      />
    </>
  );
}
