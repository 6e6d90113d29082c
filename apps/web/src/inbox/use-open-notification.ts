import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { NotificationItem } from '@app/contracts';
import { useMe } from '../session/session';
import { announceInboxChanged, notificationTarget } from './inbox-model';

/** Opening a notification marks it read and goes to what it is about. */
export function useOpenNotification(): (n: NotificationItem) => Promise<void> {
  const me = useMe();
  const navigate = useNavigate();
  return async (n) => {
    if (!n.readAt) {
      await api.post(`/me/notifications/${n.id}/read`).catch(() => undefined); // reading is a courtesy: never block the way there
      announceInboxChanged();
    }
    const to = notificationTarget(n, me.role);
    if (to) navigate(to);
  };
}
