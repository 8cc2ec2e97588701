import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeList, NoticeView } from '../../../shared/contract';
import { call } from '../lib/api';
import { formatDateTime } from '../lib/format';

/** How often the window asks whether reminders or escalations are due. */
const CHECK_EVERY_MS = 5 * 60_000;

/** The signed-in user's notices: due reminders, overdue loans and their escalation, a queue's turn. */
export function NoticeBell({ className }: { className?: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<NoticeList | null>(null);
  const check = useCallback(() => {
    call('notice:check', {}).then(setList, () => undefined);
  }, []);
  useEffect(() => {
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [check]);

  const markRead = (open: boolean) => {
    const unread = list?.notices.filter((n) => !n.read).map((n) => n.id) ?? [];
    if (!open || unread.length === 0) return;
    call('notice:read', { ids: unread }).then(setList, () => undefined);
  };

  const words = (notice: NoticeView) => t(`notices.${notice.kind}`, { ...notice.detail });
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      onOpenChange={markRead}
      content={
        <div className="notice-list" data-testid="notice-list">
          {list && list.notices.length > 0 ? (
            <List
              size="small"
              dataSource={list.notices}
              renderItem={(notice) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Typography.Text strong={!notice.read}>{words(notice)}</Typography.Text>}
                    description={formatDateTime(notice.createdAt)}
                  />
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.none')} />
          )}
        </div>
      }
    >
      <Button type="text" className={className} aria-label={t('notices.title')} data-testid="notice-bell">
        <Badge count={list?.unread ?? 0} size="small">
          <BellOutlined className="notice-icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
