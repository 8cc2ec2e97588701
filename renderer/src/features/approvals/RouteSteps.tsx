import { CheckCircleTwoTone, ClockCircleOutlined, CloseCircleTwoTone } from '@ant-design/icons';
import { Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequestView } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { stepLabel } from './request-labels';

/** A request's approvers in order, each with the decision taken (who, when, comment) or still open. */
export function RouteSteps({ request, detailed = false }: { request: ApprovalRequestView; detailed?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Space orientation="vertical" size={2} data-testid="route-steps">
      {request.route.map((step, index) => {
        const decision = step.decision;
        const icon = !decision ? <ClockCircleOutlined /> : decision.decision === 'approve' ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
        const said = decision ? `${decision.approver.displayName} ${t(decision.decision === 'approve' ? 'approvals.approved' : 'approvals.rejected')}${decision.comment ? `：${decision.comment}` : ''}` : t('approvals.waiting');
        return (
          <Tooltip key={index} title={decision ? formatDateTime(decision.decidedAt) : null}>
            <Typography.Text type={decision || request.state !== 'pending' ? undefined : 'secondary'}>
              {icon} {stepLabel(step, i18n.language)}
              {detailed || decision ? ` · ${said}` : ''}
            </Typography.Text>
          </Tooltip>
        );
      })}
    </Space>
  );
}
