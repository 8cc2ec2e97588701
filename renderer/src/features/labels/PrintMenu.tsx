import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { LabelDialog } from './LabelDialog';
import { usePrintFile } from './use-print-file';

/** The dossier's printables: its label, scan cover sheets (for the dossier or every checklist item), the separator sheet. */
export function PrintMenu({ archiveNumber, hasChecklist }: { archiveNumber: string; hasChecklist: boolean }) {
  const { t } = useTranslation();
  const [labelOpen, setLabelOpen] = useState(false);
  const { busy, print, printLabels } = usePrintFile();

  const items = [
    { key: 'label', label: t('labels.label') },
    { key: 'cover', label: t('labels.coverDossier') },
    ...(hasChecklist ? [{ key: 'covers', label: t('labels.coverItems') }] : []),
    { key: 'separator', label: t('labels.separator') },
  ];
  const chosen = (key: string) => {
    if (key === 'label') setLabelOpen(true);
    else if (key === 'separator') void print(() => call('label:separator-sheet', {}));
    else void print(() => call('label:cover-sheets', { archiveNumber, checklistItems: key === 'covers' ? 'all' : [] }));
  };

  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => chosen(key) }}>
        <Button icon={<PrinterOutlined />} loading={busy && !labelOpen} data-testid="print-menu">
          {t('labels.printMenu')} <DownOutlined />
        </Button>
      </Dropdown>
      <LabelDialog
        open={labelOpen}
        busy={busy}
        onCancel={() => setLabelOpen(false)}
        onPrint={(choice) => void printLabels([archiveNumber], choice).then((done) => done && setLabelOpen(false))}
      />
    </>
  );
}
