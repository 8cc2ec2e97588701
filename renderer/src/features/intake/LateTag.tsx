import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A hand-over against its deadline: late by so many working days, on time, or without a deadline. */
export function LateTag({ workdaysLate }: { workdaysLate: number | null }) {
  const { t } = useTranslation();
  if (workdaysLate === null) return <Tag>{t('intake.noDeadline')}</Tag>;
  if (workdaysLate > 0)
    return (
      <Tag color="red" data-testid="late-tag">
        {t('intake.late', { count: workdaysLate })}
      </Tag>
    );
  return <Tag color="green">{t('intake.onTime')}</Tag>;
}
