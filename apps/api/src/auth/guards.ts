import { isDatabaseUnavailable } from '@app/database';
import { DomainError, Role } from '@app/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Actor } from '../common/actor';
import { ALLOW_PENDING_PASSWORD_CHANGE, IS_PUBLIC, ROLES } from './decorators';

/**
 * Every route needs a valid bearer token unless it is marked @Public(); a user who must change the
 * password the administrator set may only do that (routes marked @AllowPendingPasswordChange()).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_CHANGE, targets)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Mật khẩu của bạn do quản trị viên đặt: hãy đổi mật khẩu trước khi tiếp tục.');
    }
    return true;
  }

  handleRequest<T>(error: unknown, user: T): T {
    // the session could not be checked, not found wanting: 503 (the filter's), not a 401 that signs the user out
    if (isDatabaseUnavailable(error)) throw error;
    if (error || !user) {
      throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    }
    return user;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const user = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (user && roles.includes(user.role)) return true;
    throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được phép thực hiện thao tác này.');
  }
}
