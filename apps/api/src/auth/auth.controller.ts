import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './decorators';
import { LocalAuthGuard, LoginThrottlerGuard } from './guards';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** The body is validated (ValidationPipe) before the local strategy reads it. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  login(@Body() _body: LoginDto, @CurrentUser() actor: Actor) {
    return this.auth.issueToken(actor);
  }
}
