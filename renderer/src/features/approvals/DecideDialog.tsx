import { Alert, Button, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequestView } from '../../../../shared/contract';
import { authorityLabels } from '../../../../shared/approval-routing';
import { call, errorText } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useOpening } from '../../lib/use-opening';
import { kindLabel, requesterLabel } from './request-labels';
import { RouteSteps } from './RouteSteps';

interface Props {
  request: ApprovalRequestView | null;
  onClose: () => void;
  onDecided: (request: ApprovalRequestView) => void;
}

/** The approver's view of one request: everything asked, the decisions so far, a comment, approve or reject. */
export function DecideDialog(props: Props) {
  return <DecideBody key={`${useOpening(props.request !== null)}-${props.request?.id ?? ''}`} {...props} />;
}

function DecideBody({ request, onClose, onDecided }: Props) {
  const { t, i18n } = useTranslation();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const language = i18n.language;

  const decide = async (decision: 'approve' | 'reject') => {
    if (!request) return;
    if (decision === 'reject' && comment.trim() === '') {
      setFailure(t('approvals.rejectNeedsComment'));
      return;
    }
    setBusy(decision);
    setFailure(null);
    try {
      onDecided(await call('approval:decide', { id: request.id, decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
    } catch (error) {
      setFailure(errorText(error, language));
    } finally {
      setBusy(null);
    }
  };

  const outsider = request?.outsider;
  return (
    <Modal
      open={request !== null}
      title={request ? t('approvals.decideTitle', { id: request.id, kind: kindLabel(request.kind, language) }) : ''}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      maskClosable={false}
      data-testid="decide-dialog"
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button danger loading={busy === 'reject'} disabled={busy !== null} onClick={() => void decide('reject')} data-testid="reject-button">
            {t('approvals.reject')}
          </Button>
          <Button type="primary" loading={busy === 'approve'} disabled={busy !== null} onClick={() => void decide('approve')} data-testid="approve-button">
            {t('approvals.approve')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" data-testid="dialog-error" />}
      {request && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('approvals.dossier')}>{`${request.archiveNumber} ${request.dossierTitle}`}</Descriptions.Item>
            <Descriptions.Item label={t('approvals.requester')}>{requesterLabel(request)}</Descriptions.Item>
            {outsider && (
              <Descriptions.Item label={t('approvals.outsiderPapers')}>
                {[outsider.idNumber, outsider.letterNumber && t('approvals.letterNumberShown', { number: outsider.letterNumber }), outsider.authority && (language === 'en' ? authorityLabels[outsider.authority].en : authorityLabels[outsider.authority].zh), outsider.assistanceNotice && t('approvals.assistanceNoticeShown', { number: outsider.assistanceNotice })]
                  .filter(Boolean)
                  .join('；')}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('approvals.purpose')}>{request.purpose}</Descriptions.Item>
            {request.reason && <Descriptions.Item label={t('approvals.reason')}>{request.reason}</Descriptions.Item>}
            <Descriptions.Item label={t('approvals.what')}>{request.documents ? request.documents.map((d) => d.title).join('、') : t('approvals.wholeDossier')}</Descriptions.Item>
            {request.periodDays !== null && <Descriptions.Item label={t('approvals.period')}>{t('approvals.periodDays', { count: request.periodDays })}</Descriptions.Item>}
            {request.copies !== null && <Descriptions.Item label={t('approvals.copies')}>{request.copies}</Descriptions.Item>}
            <Descriptions.Item label={t('approvals.requestedAt')}>{`${formatDateTime(request.requestedAt)}（${t('approvals.registeredBy', { name: request.registeredBy.displayName })}）`}</Descriptions.Item>
            <Descriptions.Item label={t('approvals.route')}>
              <RouteSteps request={request} detailed />
            </Descriptions.Item>
          </Descriptions>
          <Form layout="vertical" className="decide-comment">
            <Form.Item label={t('approvals.comment')} extra={t('approvals.commentHint')}>
              <Input.TextArea rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="decision-comment" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
