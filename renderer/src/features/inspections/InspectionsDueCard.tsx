import { Alert, Button, Card, Col, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { REGISTER_READERS } from '../../../../shared/register-readers';
import { useCan } from '../../app/ArchiveSettings';
import { useChannel } from '../../lib/use-channel';
import { placeLabel } from './inspection-words';

/** On the workbench of those who read the registers: rooms whose custody inspection is overdue or due soon. */
export function InspectionsDueCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const reads = REGISTER_READERS.some(can) && can('dossier.read');
  const plan = useChannel('inspection:plan', {}, reads);
  if (!reads || !plan.data) return null;
  const waiting = plan.data.places.filter((p) => p.state !== 'ok');
  return (
    <Col xs={24} lg={12} xl={8}>
      <Card
        size="small"
        data-testid="bench-inspections"
        title={t('inspections.benchTitle')}
        extra={
          <Button type="link" size="small" onClick={() => void navigate('/inspections')}>
            {t('workbench.open')}
          </Button>
        }
      >
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
      </Card>
    </Col>
  );
}
