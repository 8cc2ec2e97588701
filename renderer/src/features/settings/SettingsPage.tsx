import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../../app/ArchiveSettings';
import { CalendarTab } from './CalendarTab';
import { DepartmentsTab } from './DepartmentsTab';
import { LevelsTab } from './LevelsTab';
import { PermissionMatrixTab } from './PermissionMatrixTab';
import { PolicyTab } from './PolicyTab';
import { RegistersTab } from './registers/RegistersTab';
import { UsersTab } from './UsersTab';
import { TypesTab } from '../types/TypesTab';

export function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = [
    ...(can('user.read') || can('org.manage') ? [{ key: 'departments', label: t('settings.departments'), children: <DepartmentsTab /> }] : []),
    ...(can('user.read') ? [{ key: 'users', label: t('settings.users'), children: <UsersTab /> }] : []),
    { key: 'types', label: t('types.title'), children: <TypesTab /> },
    { key: 'levels', label: t('settings.levels'), children: <LevelsTab /> },
    { key: 'policy', label: t('settings.policy'), children: <PolicyTab /> },
    { key: 'calendar', label: t('calendar.tab'), children: <CalendarTab /> },
    { key: 'registers', label: t('registerSettings.tab'), children: <RegistersTab /> },
    { key: 'matrix', label: t('settings.matrix'), children: <PermissionMatrixTab /> },
  ];
  const requested = location.pathname.split('/')[2];
  const active = tabs.find((tab) => tab.key === requested)?.key ?? tabs[0]?.key;
  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('settings.title')}
      </Typography.Title>
      <Tabs activeKey={active} onChange={(key) => void navigate(`/settings/${key}`)} items={tabs} destroyOnHidden />
    </div>
  );
}
