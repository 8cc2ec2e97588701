import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionIntervals } from '../../../../shared/inspections';
import { OneSettingSection } from '../settings/registers/OneSettingSection';

/** 保管检查: how often each room is inspected (half-yearly by default; quarterly per ST-05's stricter text). */
export function InspectionSettingsSection({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <OneSettingSection name="inspectionInterval" label={t('inspections.interval')} hint={t('inspections.settingsHint')} mayEdit={mayEdit} testId="inspection-settings">
      <Radio.Group data-testid="inspection-interval" options={inspectionIntervals.map((interval) => ({ value: interval, label: t(`inspections.intervals.${interval}`) }))} />
    </OneSettingSection>
  );
}
