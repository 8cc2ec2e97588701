import { Alert, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/ArchiveSettings';
import { useSession } from '../app/SessionProvider';
import { call } from '../lib/api';
import { useAttempt } from '../lib/use-attempt';

/**
 * Why the archive can be read but not written, above every screen while it lasts – and, for an
 * administrator, the way out the core offers: rebuilding a damaged search index, or accepting a
 * rollback whose lost files cannot be put back.
 */
export function ConditionBanner() {
  const { t, i18n } = useTranslation();
  const { session, refresh } = useSession();
  const can = useCan();
  const { attempt, busy } = useAttempt();
  const condition = session?.condition;
  if (!condition) return null;
  const text = i18n.language === 'en' ? condition.messageEn : condition.message;
  const administrator = can('settings.manage');
  const action =
    administrator && condition.code === 'ARCHIVE_DAMAGED' ? (
      <Popconfirm title={t('condition.repairConfirm')} onConfirm={() => void attempt(() => call('archive:repair-index', {}).then(refresh), t('condition.repaired'))}>
        <Button loading={busy} data-testid="repair-index">
          {t('condition.repair')}
        </Button>
      </Popconfirm>
    ) : administrator && condition.code === 'ARCHIVE_ROLLED_BACK' ? (
      <Popconfirm title={t('condition.acceptConfirm')} onConfirm={() => void attempt(() => call('archive:accept-rollback', {}).then(refresh), t('condition.accepted'))}>
        <Button danger loading={busy} data-testid="accept-rollback">
          {t('condition.accept')}
        </Button>
      </Popconfirm>
    ) : null;
  return (
    <Alert
      className="condition-banner"
      type={condition.code === 'READ_ONLY' ? 'warning' : 'error'}
      showIcon
      message={t(`condition.${condition.code}`)}
      description={text}
      action={action ? <Space direction="vertical">{action}</Space> : undefined}
      data-testid="condition-banner"
    />
  );
}
