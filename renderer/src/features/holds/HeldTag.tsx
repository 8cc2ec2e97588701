import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The red mark of a dossier under legal hold, in lists and on the dossier. */
export function HeldTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="held-tag">
      {t('holds.held')}
    </Tag>
  );
}
