import { Modal } from 'antd';
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
  return (
    <Modal open={open} width={980} title={t('importer.title')} footer={null} destroyOnHidden maskClosable={false} closable={false} data-testid="import-dialog">
      <ImportWizard key={opening} onClose={onClose} onImported={onImported} />
    </Modal>
  );
}
