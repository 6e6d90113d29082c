import { AppConfig, InjectConfig } from '@app/config';
import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import type { Actor } from '../common/actor';
import { AuthService, TokenPayload } from './auth.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password' });
  }

  validate(username: string, password: string): Promise<Actor | null> {
    return this.auth.validateCredentials(username, password);
  }
}

@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(@InjectConfig() config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // a KeyObject: given a string, jsonwebtoken first tries (and fails) to read it as a PEM key on every request
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer, // typed too narrowly
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(payload: TokenPayload): Actor {
    return { id: payload.sub, username: payload.username, role: payload.role, unitId: payload.unitId };
  }
}
