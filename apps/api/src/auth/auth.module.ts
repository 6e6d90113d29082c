import { APP_CONFIG, AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoAccountCheck } from './demo-accounts.check';
import { MeController } from './me.controller';
import { JwtAuthGuard, RolesGuard } from './guards';
import { PasswordRules } from './password-rules.service';
import { SessionState } from './session-state.service';
import { JwtStrategy } from './strategies';
import { LoginThrottle } from './login-throttle.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // JWT_TTL is validated as <number><s|m>, at most 60m
      useFactory: (env: AppConfig) => ({ secret: env.JWT_SECRET, signOptions: { expiresIn: env.JWT_TTL as `${number}m`, algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    AccountsService,
    PasswordRules,
    SessionState,
    DemoAccountCheck,
    LoginThrottle,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccountsService, SessionState],
})
export class AuthModule {}
