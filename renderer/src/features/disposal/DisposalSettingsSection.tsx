import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '../../../../shared/permissions';
import { OneSettingSection } from '../settings/registers/OneSettingSection';
import { approvingRoles } from '../settings/registers/routing-rule-form';

/** 鉴定销毁: who approves a destruction list, in the order they decide (a list keeps the route of the day it was made). */
export function DisposalSettingsSection({ mayEdit }: { mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <OneSettingSection name="disposalApprovers" label={t('disposal.approvers')} hint={t('disposal.approversHint')} mayEdit={mayEdit} testId="disposal-settings">
      <Select
        mode="multiple"
        maxCount={4}
        style={{ maxWidth: 560 }}
        options={approvingRoles.map((role) => ({ value: role, label: english ? roleLabels[role].en : roleLabels[role].zh }))}
        data-testid="disposal-approvers"
      />
    </OneSettingSection>
  );
}
