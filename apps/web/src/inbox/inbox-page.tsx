import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Segmented, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Inbox, NotificationItem } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../shared/use-load';
import { announceInboxChanged, onInboxChanged } from './inbox-model';
import { NotificationList } from './notification-list';
import { useOpenNotification } from './use-open-notification';

const PAGE = 30;

/** Hộp thư: every message of the signed-in person, newest first; mark one or all read; open what it is about. */
export function InboxPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [older, setOlder] = useState<NotificationItem[]>([]);
  const [more, setMore] = useState(false);
  const openNotification = useOpenNotification();
  const inbox = useLoad(() => api.get<Inbox>(`/me/notifications?limit=${PAGE}${unreadOnly ? '&unreadOnly=true' : ''}`), [unreadOnly]);
  useEffect(() => setOlder([]), [unreadOnly]);
  useEffect(() => onInboxChanged(() => void inbox.reload().then(() => setOlder([]))), [inbox.reload]);
  const items = [...(inbox.data?.items ?? []), ...older];
  const hasMore = (inbox.data?.items.length ?? 0) === PAGE && (older.length === 0 || older.length % PAGE === 0);

  const loadMore = async () => {
    const last = items[items.length - 1];
    if (!last) return;
    setMore(true);
    try {
      const next = await api.get<Inbox>(`/me/notifications?limit=${PAGE}&before=${encodeURIComponent(last.createdAt)}${unreadOnly ? '&unreadOnly=true' : ''}`);
      setOlder((o) => [...o, ...next.items]);
    } finally {
      setMore(false);
    }
  };
  const readOne = async (n: NotificationItem) => {
    await api.post(`/me/notifications/${n.id}/read`);
    announceInboxChanged();
  };
  const readAll = async () => {
    const { updated } = await api.post<{ updated: number }>('/me/notifications/read-all');
    message.success(t('inbox.allRead', { n: updated }));
    announceInboxChanged();
  };

  return (
    <div className="page inbox-page" data-testid="inbox-page">
      <div className="page-head">
        <h2 className="page-title">
          {t('inbox.title')}
          {!!inbox.data?.unread && <span className="inbox-unread" data-testid="inbox-unread">{t('inbox.unreadCount', { n: inbox.data.unread })}</span>}
        </h2>
        <Space>
          <Segmented<boolean>
            value={unreadOnly}
            onChange={setUnreadOnly}
            options={[
              { value: false, label: t('inbox.all') },
              { value: true, label: t('inbox.unreadOnly') },
            ]}
          />
          <Button icon={<CheckOutlined />} onClick={readAll} disabled={!inbox.data?.unread} data-testid="read-all">
            {t('inbox.markAllRead')}
          </Button>
        </Space>
      </div>
      {inbox.error && <Alert type="error" showIcon title={inbox.error.message} />}
      <div className="panel inbox-panel">
        {inbox.loading && !inbox.data ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('inbox.empty')} />
        ) : (
          <NotificationList items={items} onOpen={(n) => void openNotification(n)} onRead={(n) => void readOne(n)} />
        )}
        {hasMore && (
          <div className="inbox-more">
            <Button onClick={loadMore} loading={more}>
              {t('inbox.more')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
