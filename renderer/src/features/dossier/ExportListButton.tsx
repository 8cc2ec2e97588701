import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueFormat, CatalogueList } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { useAttempt } from '../../lib/use-attempt';

/** Exports the list as it stands – search, filters, order – as an Excel sheet or a printable 案卷目录. */
export function ExportListButton({ list }: { list: CatalogueList }) {
  const { t } = useTranslation();
  const { attempt, busy } = useAttempt();
  const exportAs = (format: CatalogueFormat) =>
    attempt(async () => {
      const file = await call('dossier:export-list', { ...list, format });
      saveExport(file);
    }, t('dossier.exportListDone'));
  return (
    <Dropdown
      trigger={['click']}
      disabled={busy}
      menu={{
        items: [
          { key: 'xlsx', icon: <FileExcelOutlined />, label: <span data-testid="export-list-xlsx">{t('dossier.exportListXlsx')}</span> },
          { key: 'pdf', icon: <FilePdfOutlined />, label: <span data-testid="export-list-pdf">{t('dossier.exportListPdf')}</span> },
        ],
        onClick: ({ key }) => void exportAs(key as CatalogueFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-list">
        {t('dossier.exportList')}
      </Button>
    </Dropdown>
  );
}
