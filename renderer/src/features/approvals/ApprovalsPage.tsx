import { App, Badge, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequestView } from '../../../../shared/contract';
import { useSession } from '../../app/SessionProvider';
import { useCan } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { RegisterExportButton } from '../../ui/RegisterExportButton';
import { ApprovalTable } from './ApprovalTable';
import { DecideDialog } from './DecideDialog';

/** The approver's inbox and everyone's own requests. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const { session } = useSession();
  const mayApprove = can('approval.grant');
  const inbox = useChannel('approval:inbox', {}, mayApprove);
  const mine = useChannel('approval:mine', { limit: 200 });
  const [deciding, setDeciding] = useState<ApprovalRequestView | null>(null);
  const me = session?.user.login;

  const decided = (request: ApprovalRequestView) => {
    setDeciding(null);
    void message.success(t(request.state === 'rejected' ? 'approvals.rejectedToast' : request.state === 'approved' ? 'approvals.approvedToast' : 'approvals.passedToast', { id: request.id }));
    inbox.reload();
    mine.reload();
  };

  const withdraw = async (request: ApprovalRequestView) => {
    try {
      await call('approval:withdraw', { id: request.id });
      void message.success(t('approvals.withdrawnToast', { id: request.id }));
      mine.reload();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };

  const inboxCount = inbox.data?.length ?? 0;
  return (
    <div className="page" data-testid="approvals-page">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3}>{t('approvals.title')}</Typography.Title>
        {(can('register.keep') || mayApprove || can('audit.read')) && <RegisterExportButton kind="approvals" />}
      </Flex>
      <Tabs
        defaultActiveKey={mayApprove ? 'inbox' : 'mine'}
        items={[
          ...(mayApprove
            ? [
                {
                  key: 'inbox',
                  label: (
                    <Badge count={inboxCount} size="small" offset={[8, -2]}>
                      {t('approvals.inbox')}
                    </Badge>
                  ),
                  children: <ApprovalTable requests={inbox.data ?? []} loading={inbox.loading} onDecide={setDeciding} emptyText={t('approvals.inboxEmpty')} testId="approval-inbox" />,
                },
              ]
            : []),
          {
            key: 'mine',
            label: t('approvals.mine'),
            children: (
              <ApprovalTable
                requests={mine.data?.requests ?? []}
                loading={mine.loading}
                onWithdraw={(r) => void withdraw(r)}
                mayWithdraw={(r) => r.requester?.login === me || r.registeredBy.login === me}
                emptyText={t('approvals.mineEmpty')}
                testId="approval-mine"
              />
            ),
          },
        ]}
      />
      <DecideDialog request={deciding} onClose={() => setDeciding(null)} onDecided={decided} />
    </div>
  );
}
