import { AppConfig, InjectConfig } from '@app/config';
import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import type { Actor } from '../common/actor';
import type { TokenPayload } from './auth.service';
import { SessionState } from './session-state.service';

/**
 * A bearer token is taken when its signature (HS256 only) and expiry hold, and its user is still
 * active at the token's session generation; role and unit come from the user as they are now.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    @InjectConfig() config: AppConfig,
    private readonly sessions: SessionState,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // a KeyObject: given a string, jsonwebtoken first tries (and fails) to read it as a PEM key on every request
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer, // typed too narrowly
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: TokenPayload): Promise<Actor | null> {
    if (typeof payload.sub !== 'string' || typeof payload.gen !== 'number') return null;
    const user = await this.sessions.current(payload.sub);
    if (!user || !user.active || user.sessionGeneration !== payload.gen) return null;
    return { id: user.id, username: user.username, role: user.role, unitId: user.unitId, mustChangePassword: user.mustChangePassword };
  }
}
