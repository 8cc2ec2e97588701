import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api';
import { CheckResultModal } from './CheckResultModal';
import { useFourCheck } from './use-four-check';

/** The one-click 四性 check of a dossier, beside its export. */
export function DossierCheckButton({ archiveNumber }: { archiveNumber: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const check = useFourCheck();
  const run = () => check.run({ kind: 'dossier', archiveNumber }).catch((failure: unknown) => void message.error(errorText(failure, i18n.language)));
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={check.running} onClick={() => void run()} data-testid="dossier-check">
        {t('fourCheck.checkDossier')}
      </Button>
      <CheckResultModal result={check.result} onClose={check.clear} />
    </>
  );
}
