import { APP_CONFIG, AppConfig } from '@app/config';
import { User } from '@app/database';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoAccountCheck } from './demo-accounts.check';
import { MeController } from './me.controller';
import { JwtAuthGuard, RolesGuard } from './guards';
import { PasswordRules } from './password-rules.service';
import { SessionState } from './session-state.service';
import { JwtStrategy, LocalStrategy } from './strategies';

@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // JWT_TTL is validated as <number><s|m>, at most 60m
      useFactory: (env: AppConfig) => ({ secret: env.JWT_SECRET, signOptions: { expiresIn: env.JWT_TTL as `${number}m`, algorithm: 'HS256' } }),
    }),
    // login throttling, keyed by client address and username (see LoginThrottlerGuard)
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (env: AppConfig) => [{ name: 'login', ttl: env.LOGIN_THROTTLE_TTL_MS, limit: env.LOGIN_THROTTLE_LIMIT }],
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    AccountsService,
    PasswordRules,
    SessionState,
    DemoAccountCheck,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccountsService, SessionState],
})
export class AuthModule {}
