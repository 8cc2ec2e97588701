import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useChannel } from '../../lib/use-channel';

/** The dossier's shortages still open since an intake: shown above its tabs until a later intake brings them. */
export function OpenShortages({ archiveNumber }: { archiveNumber: string }) {
  const { t } = useTranslation();
  const { data } = useChannel('intake:shortages', { archiveNumber });
  if (!data || data.total === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="form-alert"
      data-testid="dossier-shortages"
      title={t('intake.openShortagesTitle', { count: data.total })}
      description={
        <ul className="shortage-list">
          {data.shortages.map((shortage) => (
            <li key={shortage.item.key}>
              {shortage.item.name}
              {'　'}
              {t('intake.shortageSince', { at: formatDateTime(shortage.since.handedOverAt), id: shortage.since.intakeId })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
