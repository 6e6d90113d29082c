import { DomainError, Role } from '@app/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from '../common/actor';
import { createValidationPipe } from '../common/validation';
import { ALLOW_PENDING_PASSWORD_CHANGE, IS_PUBLIC, ROLES } from './decorators';
import { LoginDto } from './login.dto';

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

/**
 * Login: the body is validated first (guards run before pipes, and a malformed body is a 400,
 * not a failed login), then username + password are checked by the local strategy.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ body: unknown }>();
    await createValidationPipe().transform(req.body, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }

  handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new DomainError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    return user;
  }
}

/** Login attempts are counted per client address and username, so one officer's typos lock out no one else. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(req: Record<string, unknown>): Promise<string> {
    const body = req.body as { username?: unknown } | undefined;
    const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
    return `${String(req.ip)}|${username}`;
  }
}
