import { Alert, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/ArchiveSettings';
import { useChannel } from '../../../lib/use-channel';
import { ApprovalSection } from './ApprovalSection';
import { IntakeSection } from './IntakeSection';
import { LoanSection } from './LoanSection';
import { ViolationSection } from './ViolationSection';
import { InspectionSettingsSection } from '../../inspections/InspectionSettingsSection';
import { DisposalSettingsSection } from '../../disposal/DisposalSettingsSection';

/**
 * 登记簿: the registers' rules kept as data in the system settings – approvals, loans, intake
 * deadlines, violations – each section saved on its own. Whoever may not manage the settings reads them.
 */
export function RegistersTab() {
  const { t } = useTranslation();
  const mayEdit = useCan()('settings.manage');
  const types = useChannel('type:list', {});
  const departments = useChannel('department:list', {});
  if (!types.data || !departments.data) return <Spin />;
  const sections = [
    { key: 'approvals', label: t('registerSettings.approvals'), children: <ApprovalSection mayEdit={mayEdit} /> },
    { key: 'loans', label: t('registerSettings.loans'), children: <LoanSection mayEdit={mayEdit} types={types.data} /> },
    { key: 'intake', label: t('registerSettings.intake'), children: <IntakeSection mayEdit={mayEdit} types={types.data} /> },
    { key: 'violations', label: t('registerSettings.violations'), children: <ViolationSection mayEdit={mayEdit} types={types.data} departments={departments.data} /> },
    { key: 'inspections', label: t('inspections.settingsTitle'), children: <InspectionSettingsSection mayEdit={mayEdit} /> },
    { key: 'disposal', label: t('disposal.nav'), children: <DisposalSettingsSection mayEdit={mayEdit} /> },
  ];
  return (
    <>
      {!mayEdit && <Alert type="info" showIcon title={t('registerSettings.readOnly')} className="form-alert" />}
      <Tabs type="card" size="small" items={sections} data-testid="register-settings" />
    </>
  );
}
