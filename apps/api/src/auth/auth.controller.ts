import { AppConfig, InjectConfig } from '@app/config';
import { DomainError } from '@app/domain';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/actor';
import { AccountsService } from './accounts.service';
import { AuthService, SessionGrant } from './auth.service';
import { clearedRefreshCookie, refreshCookie, refreshTokensIn } from './cookies';
import { AllowPendingPasswordChange, CurrentUser, Public } from './decorators';
import { LoginThrottle } from './login-throttle.service';
import { LoginDto } from './login.dto';
import { ChangePasswordDto, RefreshDto } from './password.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly throttle: LoginThrottle,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Throttled per client address (and username) in Redis, for every API process at once (LoginThrottle). */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    try {
      await this.throttle.check(req.ip, body.username);
    } catch (error) {
      const retryAfter = error instanceof DomainError ? error.extra?.retryAfter : undefined;
      if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
      throw error;
    }
    const user = await this.auth.validateCredentials(body.username, body.password, req.ip);
    if (!user) {
      await this.throttle.failed(req.ip, body.username);
      throw new DomainError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    await this.throttle.succeeded(req.ip, body.username);
    return this.answer(reply, await this.auth.startSession(user, req.ip));
  }

  /**
   * A new access token for the refresh cookie, which is replaced by a new one (rotation). The tab
   * names whose session it carries on (`userId`) when the browser holds more than one.
   */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() dto: RefreshDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const tokens = refreshTokensIn(req.headers.cookie, dto.userId);
    // a refused cookie is left alone: in a race, the winner's answer may already have replaced it
    return this.answer(reply, await this.auth.refresh(tokens.length === 1 ? tokens[0] : null, req.ip));
  }

  /** Ends every session of the user, on every device. */
  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('logout')
  @HttpCode(200)
  async logout(@CurrentUser() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.logout(actor.id);
    reply.header('set-cookie', clearedRefreshCookie(this.config, actor.id));
    return { loggedOut: true };
  }

  /** Self-service change: every other session ends, this one goes on with new tokens. */
  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('password')
  @HttpCode(200)
  async changePassword(@CurrentUser() actor: Actor, @Body() dto: ChangePasswordDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const user = await this.accounts.changeOwnPassword(actor, dto.currentPassword, dto.newPassword);
    return this.answer(reply, await this.auth.startSession(user, req.ip));
  }

  private answer(reply: FastifyReply, grant: SessionGrant) {
    reply.header('set-cookie', refreshCookie(this.config, grant.answer.user.id, grant.refreshToken));
    reply.header('cache-control', 'no-store');
    return grant.answer;
  }
}
