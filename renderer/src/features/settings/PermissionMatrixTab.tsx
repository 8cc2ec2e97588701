import { CheckOutlined } from '@ant-design/icons';
import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { assignableRoles, permissionLabels, permissions, permissionsOf, roleLabels, type Permission } from '../../../../shared/permissions';
import { useArchiveSettings } from '../../app/ArchiveSettings';

/** The role × permission table from code, read-only, for the current separation setting. */
export function PermissionMatrixTab() {
  const { t, i18n } = useTranslation();
  const { settings } = useArchiveSettings();
  const english = i18n.language === 'en';
  const shownRoles = assignableRoles(settings.threeRoleSeparation);
  return (
    <>
      <Alert type="info" showIcon title={t('settings.matrixHint')} className="form-alert" />
      <Table<{ permission: Permission }>
        rowKey="permission"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        data-testid="permission-matrix"
        dataSource={permissions.map((permission) => ({ permission }))}
        columns={[
          { title: t('settings.permission'), dataIndex: 'permission', fixed: 'left', width: 230, render: (p: Permission) => (english ? permissionLabels[p].en : permissionLabels[p].zh) },
          ...shownRoles.map((role) => ({
            title: english ? roleLabels[role].en : roleLabels[role].zh,
            align: 'center' as const,
            render: (_: unknown, row: { permission: Permission }) => (permissionsOf([role], settings.threeRoleSeparation).has(row.permission) ? <CheckOutlined /> : null),
          })),
        ]}
      />
    </>
  );
}
