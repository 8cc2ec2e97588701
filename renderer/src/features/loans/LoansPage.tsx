import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/ArchiveSettings';
import { LoanDeskPanel } from './LoanDeskPanel';
import { LoanRegister } from './LoanRegister';

/** Lending: the desk for hand-out and return (archive clerks), and the loan register. */
export function LoansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const keeps = can('register.keep');
  const [changes, setChanges] = useState(0);
  return (
    <div className="page" data-testid="loans-page">
      <Typography.Title level={3}>{t('loans.title')}</Typography.Title>
      <Tabs
        defaultActiveKey={keeps ? 'desk' : 'register'}
        items={[
          ...(keeps ? [{ key: 'desk', label: t('loans.desk'), children: <LoanDeskPanel onChanged={() => setChanges((n) => n + 1)} /> }] : []),
          { key: 'register', label: t('loans.register'), children: <LoanRegister key={changes} /> },
        ]}
      />
    </div>
  );
}
