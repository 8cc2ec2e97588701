import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BenchCard } from '../workbench/BenchCard';
import { REGISTER_READERS } from '../../../../shared/register-readers';
import { useCan } from '../../app/ArchiveSettings';
import { useChannel } from '../../lib/use-channel';
import { placeLabel } from './inspection-words';

/** On the workbench of those who read the registers: rooms whose custody inspection is overdue or due soon. */
export function InspectionsDueCard() {
  const { t } = useTranslation();
  const can = useCan();
  const reads = REGISTER_READERS.some(can) && can('dossier.read');
  const plan = useChannel('inspection:plan', {}, reads);
  if (!reads || !plan.data) return null;
  const waiting = plan.data.places.filter((p) => p.state !== 'ok');
  return (
    <BenchCard title={t('inspections.benchTitle')} to="/inspections" testId="bench-inspections">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {waiting.length === 0 && <Typography.Text type="secondary">{t('inspections.benchNone')}</Typography.Text>}
        {waiting.map((entry) => (
          <Alert
            key={String(entry.place.locationId)}
            type={entry.state === 'overdue' ? 'error' : 'warning'}
            showIcon
            title={t(entry.state === 'overdue' ? 'inspections.benchOverdue' : 'inspections.benchDue', { place: placeLabel(entry.place, t), due: entry.dueOn })}
            data-testid={`bench-inspection-${entry.state}`}
          />
        ))}
      </Space>
    </BenchCard>
  );
}
