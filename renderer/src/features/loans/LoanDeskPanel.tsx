import { ScanOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Space, Table, Tag, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanDesk, LoanView } from '../../../../shared/contract';
import { call, errorText } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { LevelTag } from '../../ui/LevelTag';
import { CheckoutDialog } from './CheckoutDialog';
import { deskAction, type DeskEntry } from './desk-action';
import { holderLabel } from './LoanTable';
import { ReturnDialog } from './ReturnDialog';

/**
 * The lending desk: an archive number typed, or read by a USB scanner gun (which types it and
 * presses Enter), brings up the dossier – the loan to take back, or the queue to hand out from.
 * The focus goes back to the number after each action, for batch work.
 */
export function LoanDeskPanel({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const scanner = useRef<InputRef>(null);
  const [typed, setTyped] = useState('');
  const [desk, setDesk] = useState<LoanDesk | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [handing, setHanding] = useState<DeskEntry | null>(null);
  const [taking, setTaking] = useState<LoanView | null>(null);

  const refocus = () => setTimeout(() => scanner.current?.focus({ cursor: 'all' }), 0);
  const look = async (number: string) => {
    if (number.trim() === '') return;
    setFailure(null);
    try {
      setDesk(await call('loan:desk', { archiveNumber: number.trim() }));
    } catch (error) {
      setDesk(null);
      setFailure(errorText(error, i18n.language));
    }
    refocus();
  };
  const done = (loan: LoanView, key: 'loans.handedOutToast' | 'loans.renewedToast' | 'loans.returnedToast') => {
    setHanding(null);
    setTaking(null);
    void message.success(t(key, { number: loan.archiveNumber, id: loan.id }));
    onChanged();
    void look(loan.archiveNumber);
    setTyped('');
  };

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Input
        ref={scanner}
        autoFocus
        size="large"
        prefix={<ScanOutlined />}
        placeholder={t('loans.scanPlaceholder')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onPressEnter={() => void look(typed)}
        data-testid="desk-scanner"
        allowClear
      />
      {failure && <Alert type="error" showIcon title={failure} data-testid="desk-error" />}
      {!desk && !failure && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loans.scanHint')} />}
      {desk && (
        <Card
          size="small"
          data-testid="desk-dossier"
          title={
            <Space>
              <span>{desk.archiveNumber}</span>
              <LevelTag rank={desk.level} />
              <span className="muted">{desk.dossierTitle}</span>
            </Space>
          }
          extra={<Tag color={desk.openLoan ? 'orange' : 'green'}>{desk.openLoan ? t('loans.isOut') : t('loans.isIn')}</Tag>}
        >
          {desk.openLoan && (
            <Descriptions size="small" column={2} bordered className="dialog-block" data-testid="desk-open-loan">
              <Descriptions.Item label={t('loans.holder')}>{holderLabel(desk.openLoan)}</Descriptions.Item>
              <Descriptions.Item label={t('loans.handedOut')}>{formatDateTime(desk.openLoan.handedOutAt)}</Descriptions.Item>
              <Descriptions.Item label={t('loans.dueOn')}>{desk.openLoan.dueOn}</Descriptions.Item>
              <Descriptions.Item label={t('loans.overdueDays')}>{desk.openLoan.overdueDays > 0 ? t('loans.overdueBy', { count: desk.openLoan.overdueDays }) : '—'}</Descriptions.Item>
              <Descriptions.Item label="" span={2}>
                <Button type="primary" onClick={() => setTaking(desk.openLoan)} data-testid="take-back">
                  {t('loans.takeBack')}
                </Button>
              </Descriptions.Item>
            </Descriptions>
          )}
          <Table
            rowKey="requestId"
            size="small"
            pagination={false}
            dataSource={desk.queue}
            data-testid="desk-queue"
            locale={{ emptyText: t('loans.queueEmpty') }}
            columns={[
              { title: t('loans.position'), dataIndex: 'position', width: 60 },
              { title: t('loans.request'), dataIndex: 'requestId', width: 70 },
              { title: t('loans.kind'), dataIndex: 'kind', width: 60, render: (kind: 'loan' | 'consultation') => t(`loans.kinds.${kind}`) },
              { title: t('loans.holder'), dataIndex: 'requester' },
              { title: t('loans.period'), dataIndex: 'periodDays', width: 80, render: (days: number) => t('loans.periodDays', { count: days }) },
              { title: t('loans.requestState'), dataIndex: 'state', width: 90, render: (state: 'pending' | 'approved') => <Tag color={state === 'approved' ? 'success' : 'processing'}>{t(`approvals.states.${state}`)}</Tag> },
              {
                title: '',
                key: 'action',
                width: 90,
                render: (_, entry) => {
                  const action = deskAction(desk, entry);
                  return action ? (
                    <Button type="primary" size="small" onClick={() => setHanding(entry)} data-testid={`${action === 'checkout' ? 'hand-out' : action}-${entry.requestId}`}>
                      {t(action === 'renew' ? 'loans.renew' : action === 'pass-on' ? 'loans.passOn' : 'loans.checkout')}
                    </Button>
                  ) : null;
                },
              },
            ]}
          />
        </Card>
      )}
      {desk && (
        <CheckoutDialog
          desk={desk}
          entry={handing}
          action={(handing && deskAction(desk, handing)) ?? 'checkout'}
          onClose={() => {
            setHanding(null);
            refocus();
          }}
          onDone={(loan) => done(loan, desk.openLoan && desk.openLoan.borrower?.login === loan.borrower?.login ? 'loans.renewedToast' : 'loans.handedOutToast')}
        />
      )}
      <ReturnDialog loan={taking} onClose={() => { setTaking(null); refocus(); }} onDone={(loan) => done(loan, 'loans.returnedToast')} />
    </Space>
  );
}
