import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LabelDialog } from './LabelDialog';
import { usePrintFile } from './use-print-file';

/** Labels for the dossiers ticked in a list, on one sheet run. */
export function PrintLabelsButton({ archiveNumbers }: { archiveNumbers: string[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { busy, printLabels } = usePrintFile();
  return (
    <>
      <Button icon={<PrinterOutlined />} disabled={archiveNumbers.length === 0} onClick={() => setOpen(true)} data-testid="print-labels">
        {t('labels.printSelected', { count: archiveNumbers.length })}
      </Button>
      <LabelDialog open={open} busy={busy} count={archiveNumbers.length} onCancel={() => setOpen(false)} onPrint={(choice) => void printLabels(archiveNumbers, choice).then((done) => done && setOpen(false))} />
    </>
  );
}
