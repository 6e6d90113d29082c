import type { Inbox } from '@app/contracts';
import { countUnreadNotifications, findInbox, InboxOwner, markAllNotificationsRead, markNotificationRead } from '@app/database';
import { DomainError } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { InboxQuery } from './notification.dto';
import { onTheWire } from '../common/on-the-wire';

/** Hộp thư của người dùng: every query is scoped to the caller; another user's message is "not found". */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async inboxOf(actor: Actor, q: InboxQuery): Promise<Inbox> {
    const owner = ownerOf(actor);
    const items = await findInbox(this.db, owner, { limit: q.limit ?? 50, unreadOnly: q.unreadOnly === 'true', before: q.before });
    const unread = await countUnreadNotifications(this.db, owner);
    return { unread, items: items.map(onTheWire) };
  }

  /** Marks one of the caller's messages read; reading it again keeps the first time. */
  async markRead(actor: Actor, id: string) {
    const row = await markNotificationRead(this.db, ownerOf(actor), id);
    if (!row) throw new DomainError('NOTIFICATION_NOT_FOUND', 'Không tìm thấy thông báo.');
    return row;
  }

  async markAllRead(actor: Actor) {
    return { updated: await markAllNotificationsRead(this.db, ownerOf(actor)) };
  }
}

const ownerOf = (actor: Actor): InboxOwner => ({ userId: actor.id });
