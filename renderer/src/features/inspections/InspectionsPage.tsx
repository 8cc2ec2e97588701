import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { InspectionDesk } from './InspectionDesk';
import { InspectionPlanView } from './InspectionPlanView';

/** 保管检查: the inspection open in the address (?id=), so that a reload resumes it; else the plan and the records. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('id'));
  return (
    <div className="page" data-testid="inspections-page">
      <Typography.Title level={3}>{t('inspections.title')}</Typography.Title>
      {Number.isInteger(id) && id > 0 ? <InspectionDesk key={id} id={id} onBack={() => setParams({})} /> : <InspectionPlanView onOpen={(opened) => setParams({ id: String(opened) })} />}
    </div>
  );
}
