/** Hộp thư */
export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  periodId: string | null;
  submissionId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  unread: number;
  items: NotificationItem[];
}
