import { Alert, Button, Collapse, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoldView } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { formatDateTime } from '../../lib/format';
import { useChannel } from '../../lib/use-channel';
import { HeldTag } from './HeldTag';
import { LiftHoldDialog } from './LiftHoldDialog';
import { PlaceHoldDialog } from './PlaceHoldDialog';

function placedWords(t: TFunction, hold: HoldView): string {
  return t('holds.placedLine', { by: hold.placedBy, at: formatDateTime(hold.placedAt) }) + (hold.caseNumber ? ` · ${t('holds.caseNumber')} ${hold.caseNumber}` : '');
}

/**
 * A dossier's legal holds (诉讼保全): those in force in red, with why, the case, who and when; the
 * lifted ones below; placing and lifting for whoever may.
 */
export function HoldPanel({ archiveNumber, onChanged }: { archiveNumber: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const holds = useChannel('hold:of', { archiveNumber });
  const [placing, setPlacing] = useState(false);
  const [lifting, setLifting] = useState<HoldView | null>(null);
  const all = holds.data ?? [];
  const inForce = all.filter((hold) => hold.lift === null);
  const lifted = all.filter((hold) => hold.lift !== null);
  const done = () => {
    setPlacing(false);
    setLifting(null);
    holds.reload();
    onChanged();
  };

  return (
    <div className="hold-panel" data-testid="hold-panel">
      {inForce.map((hold) => (
        <Alert
          key={hold.id}
          type="error"
          showIcon
          className="form-alert"
          data-testid="hold-in-force"
          title={
            <Space wrap>
              <HeldTag />
              <Typography.Text strong>{hold.reason}</Typography.Text>
            </Space>
          }
          description={placedWords(t, hold)}
          action={
            can('hold.lift') && (
              <Button size="small" danger onClick={() => setLifting(hold)} data-testid="lift-hold">
                {t('holds.lift')}
              </Button>
            )
          }
        />
      ))}
      {(can('hold.place') || lifted.length > 0) && (
        <Space wrap className="form-alert">
          {can('hold.place') && (
            <Button onClick={() => setPlacing(true)} data-testid="place-hold">
              {t('holds.place')}
            </Button>
          )}
          {lifted.length > 0 && (
            <Collapse
              size="small"
              ghost
              data-testid="hold-history"
              items={[
                {
                  key: 'lifted',
                  label: t('holds.history', { count: lifted.length }),
                  children: lifted.map((hold) => (
                    <Typography.Paragraph key={hold.id} type="secondary">
                      {`${hold.reason} · ${placedWords(t, hold)} · ${t('holds.liftedLine', { by: hold.lift?.liftedBy, at: formatDateTime(hold.lift?.liftedAt ?? ''), reason: hold.lift?.reason })}`}
                    </Typography.Paragraph>
                  )),
                },
              ]}
            />
          )}
        </Space>
      )}
      <PlaceHoldDialog archiveNumber={archiveNumber} open={placing} onClose={() => setPlacing(false)} onPlaced={done} />
      <LiftHoldDialog hold={lifting} onClose={() => setLifting(null)} onLifted={done} />
    </div>
  );
}
