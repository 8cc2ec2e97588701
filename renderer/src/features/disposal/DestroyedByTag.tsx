import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 已销毁 with the destruction list's number, beside a dossier's status or title. */
export function DestroyedByTag({ number }: { number: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="default" style={{ marginInline: 6 }} data-testid="destroyed-by">
      {t('disposal.destroyedBy', { number })}
    </Tag>
  );
}
