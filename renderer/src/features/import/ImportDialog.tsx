import { Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpening } from '../../lib/use-opening';
import { ImportWizard } from './ImportWizard';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

/** The import wizard in a dialog; each opening starts with no file, no check and no result. */
export function ImportDialog({ open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const opening = useOpening(open);
  // A running import is not walked away from: it is cancelled, or it finishes.
  const [running, setRunning] = useState(false);
  return (
    <Modal open={open} width={980} title={t('importer.title')} footer={null} destroyOnHidden maskClosable={false} keyboard={!running} closable={!running} onCancel={onClose} data-testid="import-dialog">
      <ImportWizard key={opening} onClose={onClose} onImported={onImported} onRunning={setRunning} />
    </Modal>
  );
}
