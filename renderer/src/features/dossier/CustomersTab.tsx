import { Button, Empty, List, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../../shared/contract';
import { customerKindLabels } from '../../../../shared/customers';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { useCustomerOptions } from '../customers/use-customer-options';

/** The customers a dossier is filed under; one customer holds many dossiers. */
export function CustomersTab({ dossier, editable, onChanged }: { dossier: DossierDetail; editable: boolean; onChanged: (detail: DossierDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { attempt: run } = useAttempt();
  const english = i18n.language === 'en';
  const customers = useCustomerOptions();
  const attempt = (work: () => Promise<DossierDetail>) => run(async () => onChanged(await work()));

  return (
    <>
      <List
        data-testid="dossier-customers"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.none')} /> }}
        dataSource={dossier.customers}
        renderItem={(c) => (
          <List.Item
            actions={editable ? [<Button key="remove" type="link" danger size="small" onClick={() => void attempt(() => call('dossier:unlink-customer', { archiveNumber: dossier.archiveNumber, customerId: c.id }))}>{t('customers.remove')}</Button>] : []}
          >
            {`${c.name}（${english ? customerKindLabels[c.kind].en : customerKindLabels[c.kind].zh}）`}
          </List.Item>
        )}
      />
      {editable && (
        <Space className="link-form">
          <Select
            className="customer-picker"
            showSearch={{ filterOption: false, onSearch: customers.search }}
            placeholder={t('customers.pick')}
            options={customers.options}
            value={null}
            notFoundContent={null}
            data-testid="customer-picker"
            onChange={(customerId: number) => void attempt(() => call('dossier:link-customer', { archiveNumber: dossier.archiveNumber, customerId }))}
          />
          <span>{t('customers.fileUnder')}</span>
        </Space>
      )}
    </>
  );
}
