import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { InboxQuery } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's inbox, newest first, with the unread count. */
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: InboxQuery) {
    return this.notifications.inboxOf(actor, query);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('NOTIFICATION_NOT_FOUND')) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
