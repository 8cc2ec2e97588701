import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/contract';
import { roleLabels } from '../../../../shared/permissions';
import { useCan, useLevels } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { call, errorText } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useChannel } from '../../lib/use-channel';
import { SetPasswordDialog } from './SetPasswordDialog';
import { UserDialog } from './UserDialog';

export function UsersTab() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const { session } = useSession();
  const { label } = useLevels();
  const users = useChannel('user:list', {});
  const [editing, setEditing] = useState<UserSummary | 'new' | null>(null);
  const [passwordFor, setPasswordFor] = useState<UserSummary | null>(null);
  const mayManage = can('user.manage');
  const english = i18n.language === 'en';

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      void message.success(t('common.saved'));
      users.reload();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };

  const disable = (user: UserSummary): void => {
    modal.confirm({
      title: t('settings.disable'),
      content: t('settings.confirmDisable', { name: user.displayName }),
      okButtonProps: { danger: true },
      onOk: () => act(() => call('user:disable', { login: user.login })),
    });
  };

  return (
    <>
      {mayManage && (
        <div className="settings-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-user">
            {t('settings.addUser')}
          </Button>
        </div>
      )}
      <Table<UserSummary>
        rowKey="login"
        size="middle"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        data-testid="user-table"
        columns={[
          { title: t('settings.login'), dataIndex: 'login', width: 120 },
          { title: t('settings.displayName'), dataIndex: 'displayName', width: 120 },
          { title: t('dossier.department'), render: (_, u) => u.department?.name ?? '—', width: 120 },
          { title: t('settings.roles'), render: (_, u) => u.roles.map((r) => <Tag key={r}>{english ? roleLabels[r].en : roleLabels[r].zh}</Tag>) },
          { title: t('settings.clearance'), dataIndex: 'clearance', width: 100, render: (rank: number) => label(rank) },
          {
            title: t('settings.status'),
            width: 170,
            render: (_, u) => (
              <Space size={4} wrap>
                {u.status === 'active' ? <Tag color="green">{t('settings.active')}</Tag> : <Tag>{t('settings.disabled')}</Tag>}
                {u.lockedUntil && <Tag color="red">{t('settings.lockedUntil', { time: formatDateTime(u.lockedUntil) })}</Tag>}
                {u.mustChangePassword && u.status === 'active' && <Tag color="gold">{t('settings.mustChange')}</Tag>}
              </Space>
            ),
          },
          ...(mayManage
            ? [
                {
                  title: t('common.actions'),
                  width: 260,
                  render: (_: unknown, u: UserSummary) => {
                    const self = u.login === session?.user.login;
                    return (
                      <Space size={0} wrap>
                        {u.status === 'active' && <Button type="link" size="small" onClick={() => setEditing(u)}>{t('common.edit')}</Button>}
                        {!self && <Button type="link" size="small" onClick={() => setPasswordFor(u)}>{u.status === 'active' ? t('settings.resetPassword') : t('settings.enable')}</Button>}
                        {u.lockedUntil && (
                          <Button type="link" size="small" onClick={() => void act(() => call('user:unlock', { login: u.login }))}>
                            {t('settings.unlock')}
                          </Button>
                        )}
                        {!self && u.status === 'active' && <Button type="link" size="small" danger onClick={() => disable(u)}>{t('settings.disable')}</Button>}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <UserDialog
        user={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          users.reload();
        }}
      />
      <SetPasswordDialog
        user={passwordFor}
        onClose={() => setPasswordFor(null)}
        onSaved={() => {
          setPasswordFor(null);
          users.reload();
        }}
      />
    </>
  );
}
