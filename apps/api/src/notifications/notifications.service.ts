import type { Inbox } from '@app/contracts';
import { DomainError } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { InboxQuery } from './notification.dto';

/** Hộp thư của người dùng: every query is scoped to the caller; another user's message is "not found". */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async inboxOf(actor: Actor, q: InboxQuery): Promise<Inbox> {
    const params: unknown[] = [actor.id, q.limit ?? 50];
    const filters: string[] = [];
    if (q.unreadOnly === 'true') filters.push('read_at IS NULL');
    if (q.before) {
      params.push(q.before);
      filters.push(`created_at < $${params.length}::timestamptz`);
    }
    const items = await this.db.query(
      `SELECT id, kind, title, body, link, period_id AS "periodId", submission_id AS "submissionId", created_at AS "createdAt", read_at AS "readAt"
         FROM notifications WHERE user_id = $1 ${filters.map((f) => `AND ${f}`).join(' ')}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const [{ unread }] = await this.db.query(`SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [actor.id]);
    return { unread, items };
  }

  /** Marks one of the caller's messages read; reading it again keeps the first time. */
  async markRead(actor: Actor, id: string) {
    const rows: Array<{ id: string; readAt: Date }> = await this.db.query(
      `WITH u AS (UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, read_at)
       SELECT id, read_at AS "readAt" FROM u`,
      [id, actor.id],
    );
    if (rows.length === 0) throw new DomainError('NOTIFICATION_NOT_FOUND', 'Không tìm thấy thông báo.');
    return rows[0];
  }

  async markAllRead(actor: Actor) {
    const [{ updated }] = await this.db.query(
      `WITH u AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id) SELECT count(*)::int AS updated FROM u`,
      [actor.id],
    );
    return { updated: updated as number };
  }
}
