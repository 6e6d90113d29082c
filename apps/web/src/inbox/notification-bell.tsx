import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api } from '../api/client';
import type { Inbox } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { announceInboxChanged, onInboxChanged } from './inbox-model';
import { NotificationList } from './notification-list';
import { useOpenNotification } from './use-open-notification';

const REFRESH_MS = 60_000;

/** The bell in the header: unread count; the latest messages in a popover. */
export function NotificationBell() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [open, setOpen] = useState(false);
  const openNotification = useOpenNotification();

  const load = useCallback(async () => {
    try {
      setInbox(await api.get<Inbox>('/me/notifications?limit=8'));
    } catch {
      // the count is a hint; the next refresh tries again
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, pathname]);
  useEffect(() => {
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    const off = onInboxChanged(() => void load());
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [load]);

  const readAll = async () => {
    await api.post('/me/notifications/read-all');
    announceInboxChanged();
  };
  const content = (
    <div className="notif-popover" data-testid="notification-popover">
      <div className="notif-popover-head">
        <b>{t('inbox.title')}</b>
        {!!inbox?.unread && (
          <Button size="small" type="link" onClick={readAll} data-testid="bell-read-all">
            {t('inbox.markAllRead')}
          </Button>
        )}
      </div>
      {inbox && inbox.items.length > 0 ? (
        <NotificationList
          compact
          items={inbox.items}
          onOpen={(n) => {
            setOpen(false);
            void openNotification(n);
          }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
      )}
      <div className="notif-popover-foot">
        <Link to="/inbox" onClick={() => setOpen(false)} data-testid="see-all-notifications">
          {t('inbox.seeAll')}
        </Link>
      </div>
    </div>
  );
  return (
    <Popover
      content={content}
      trigger="click"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load(); // what arrived since the last refresh
      }}
      placement="bottomRight"
      arrow={false}
    >
      <Badge count={inbox?.unread ?? 0} size="small" offset={[-4, 4]} overflowCount={99} data-testid="unread-count">
        <Button type="text" className="app-bell" icon={<BellOutlined />} aria-label={t('inbox.title')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
