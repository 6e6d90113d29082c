import { CheckOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { NotificationItem } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../shared/format';

/** Messages newest first: unread in bold with a dot; the body's first lines, the time; click to open. */
export function NotificationList({
  items,
  onOpen,
  onRead,
  compact = false,
}: {
  items: NotificationItem[];
  onOpen: (n: NotificationItem) => void;
  onRead?: (n: NotificationItem) => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  return (
    <ul className={`notif-list${compact ? ' compact' : ''}`} data-testid="notification-list">
      {items.map((n) => (
        <li key={n.id} className={`notif${n.readAt ? '' : ' unread'}`} data-testid="notification" data-kind={n.kind} data-read={n.readAt ? 'true' : 'false'}>
          <button type="button" className="notif-open" onClick={() => onOpen(n)}>
            <span className="notif-dot" aria-hidden />
            <span className="notif-main">
              <span className="notif-title">{n.title}</span>
              <span className="notif-body">{summary(n.body, compact ? 140 : 400)}</span>
              <span className="notif-time">{formatDateTime(n.createdAt)}</span>
            </span>
          </button>
          {onRead && !n.readAt && (
            <Tooltip title={t('inbox.markRead')}>
              <Button size="small" type="text" icon={<CheckOutlined />} onClick={() => onRead(n)} aria-label={t('inbox.markRead')} data-testid="mark-read" />
            </Tooltip>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The message's text without the e-mail's link line and signature. */
function summary(body: string, max: number): string {
  const text = body.split(/\n\s*\nXem chi tiết:/)[0].replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
