import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFile } from '../../../../shared/contract';
import { call, errorText } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { LabelDialog } from './LabelDialog';

/** The dossier's printables: its label, scan cover sheets (for the dossier or every checklist item), the separator sheet. */
export function PrintMenu({ archiveNumber, hasChecklist }: { archiveNumber: string; hasChecklist: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [labelOpen, setLabelOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const print = async (make: () => Promise<ExportFile>) => {
    setBusy(true);
    try {
      const file = await make();
      saveExport(file);
      void message.success(t('dossier.exported', { file: file.fileName }));
      return true;
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
      return false;
    } finally {
      setBusy(false);
    }
  };

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
        onPrint={(choice) => void print(() => call('label:print', { archiveNumbers: [archiveNumber], ...choice })).then((done) => done && setLabelOpen(false))}
      />
    </>
  );
}
