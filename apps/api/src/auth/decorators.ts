import type { Role } from '@app/domain';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '../common/actor';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';
export const ALLOW_PENDING_PASSWORD_CHANGE = 'allowPendingPasswordChange';

/** The route needs no token (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** The route stays open to a user who must still change the password the administrator set (me, logout, the change itself). */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD_CHANGE, true);
/** Only these roles may call the route; everyone else gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
