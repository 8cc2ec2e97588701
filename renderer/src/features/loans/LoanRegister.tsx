import { App, Flex, Segmented, Space } from 'antd';
import type { LoanView } from '../../../../shared/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/ArchiveSettings';
import { useChannel } from '../../lib/use-channel';
import { RegisterExportButton } from '../../ui/RegisterExportButton';
import { CorrectReturnDialog } from './CorrectReturnDialog';
import { LoanTable } from './LoanTable';

type Shown = 'all' | 'open' | 'overdue' | 'returned';

/** The loan register and consultation log, newest first, filtered by state. */
export function LoanRegister() {
  const { t } = useTranslation();
  const can = useCan();
  const readsRegisters = can('register.keep') || can('approval.grant') || can('audit.read');
  const [state, setState] = useState<Shown>('all');
  const [page, setPage] = useState(1);
  const [correcting, setCorrecting] = useState<LoanView | null>(null);
  const { message } = App.useApp();
  const loans = useChannel('loan:list', { state, offset: (page - 1) * 50, limit: 50 });
  return (
    <Space orientation="vertical" className="full-width">
      <Flex justify="space-between" wrap gap="small">
      <Segmented<Shown>
        value={state}
        onChange={(value) => {
          setState(value);
          setPage(1);
        }}
        options={(['all', 'open', 'overdue', 'returned'] as const).map((value) => ({ value, label: t(`loans.filter.${value}`) }))}
        data-testid="loan-filter"
      />
        {readsRegisters && (
          <Space>
            <RegisterExportButton kind="loans" />
            <RegisterExportButton kind="consultations" />
          </Space>
        )}
      </Flex>
      <LoanTable loans={loans.data?.loans ?? []} total={loans.data?.total ?? 0} loading={loans.loading} page={page} onPage={setPage} onCorrect={can('register.keep') ? setCorrecting : undefined} />
      <CorrectReturnDialog
        loan={correcting}
        onClose={() => setCorrecting(null)}
        onDone={(loan) => {
          setCorrecting(null);
          void message.success(t('loans.correctedToast', { id: loan.id }));
          loans.reload();
        }}
      />
    </Space>
  );
}
