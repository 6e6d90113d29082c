import type { Role } from '@app/domain';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '../common/actor';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** The route needs no token (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only these roles may call the route; everyone else gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
