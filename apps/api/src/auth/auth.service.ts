import { AppConfig, InjectConfig, ttlSeconds } from '@app/config';
import type { LoginAnswer } from '@app/contracts';
import {
  endUserSessions,
  insertAuditEntry,
  insertRefreshToken,
  lockRefreshToken,
  markRefreshTokenUsed,
  revokeRefreshFamily,
  SessionUser,
  User,
} from '@app/database';
import { DomainError } from '@app/domain';
import { hashPassword, verifyPassword } from '@app/security';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SessionState } from './session-state.service';

export interface TokenPayload {
  sub: string;
  username: string;
  role: SessionUser['role'];
  unitId: string | null;
  /** the user's session generation when the token was issued: a later one refuses it */
  gen: number;
}

/** A session begun or carried on: the answer's body, and the refresh token for the cookie. */
export interface SessionGrant {
  answer: LoginAnswer;
  refreshToken: string;
}

/** how soon after its use a refresh token presented again counts as a race of the same browser, not a reuse */
const REFRESH_RACE_GRACE_MS = 5000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

const sessionExpired = () => new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn hoặc đã bị đăng xuất. Vui lòng đăng nhập lại.');

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  /** compared against when the user does not exist, so both paths take the same time */
  private readonly dummyHash = hashPassword('timing-equaliser');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly sessions: SessionState,
  ) {}

  /** The user when the password is right and the account active; a failure is audited either way. */
  async validateCredentials(username: string, password: string, ip: string): Promise<SessionUser | null> {
    const name = username.trim().toLowerCase();
    const user = await this.db.getRepository(User).findOne({ where: { username: name } });
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await this.dummyHash, password).then(() => false);
    if (!user || !ok || !user.active) {
      const reason = !user ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive';
      await this.db.transaction((m) =>
        insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: user?.id ?? name.slice(0, 100), action: 'auth.login_failed', actorId: null, after: { ip, reason } }),
      );
      return null;
    }
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      unitId: user.unitId,
      active: user.active,
      sessionGeneration: user.sessionGeneration,
      mustChangePassword: user.mustChangePassword,
    };
  }

  /** A new session (a new token family) for a user who just proved their password. */
  async startSession(user: SessionUser, ip: string): Promise<SessionGrant> {
    return this.db.transaction(async (m) => {
      const grant = await this.grant(m, user, randomUUID());
      await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: user.id, action: 'auth.login', actorId: user.id, after: { ip } });
      return grant;
    });
  }

  /**
   * Exchanges a refresh token for a new one of the same session and a new access token. A token
   * already exchanged (or revoked) presented again means someone kept a copy: the whole session
   * ends, for whoever holds it.
   */
  async refresh(token: string | null, ip: string): Promise<SessionGrant> {
    if (!token) throw sessionExpired();
    const outcome = await this.db.transaction(async (m) => {
      const row = await lockRefreshToken(m, sha256(token));
      if (!row) return null;
      if (row.usedAt || row.revokedAt) {
        // two requests of one browser with the same cookie (two tabs reloading at once): the loser
        // is refused, the winner's new cookie is already in the browser; a copy used later is a theft
        if (!row.revokedAt && row.usedAt && Date.now() - row.usedAt.getTime() < REFRESH_RACE_GRACE_MS) return null;
        if (!row.revokedAt) {
          // the thief or the owner holds the session now, and which one is unknown: every session of
          // the user ends, access tokens included
          await revokeRefreshFamily(m, row.familyId);
          await endUserSessions(m, row.userId);
          await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: row.userId, action: 'auth.refresh_reused', actorId: null, after: { ip, family: row.familyId } });
          return { reusedBy: row.userId };
        }
        return null;
      }
      if (row.expiresAt.getTime() <= Date.now()) return null;
      const user = await this.sessionUser(m, row.userId);
      if (!user || !user.active || user.sessionGeneration !== row.generation) return null;
      await markRefreshTokenUsed(m, row.id);
      return this.grant(m, user, row.familyId);
    });
    if (typeof outcome === 'object' && outcome && 'reusedBy' in outcome) {
      await this.sessions.ended(outcome.reusedBy);
      this.logger.warn(`Refresh token dùng lại (reused): phiên bị thu hồi, từ ${ip}`);
      throw new DomainError('REFRESH_REUSED', 'Phiên đăng nhập này đã được dùng ở nơi khác nên đã bị thu hồi. Vui lòng đăng nhập lại.');
    }
    if (!outcome) throw sessionExpired();
    return outcome;
  }

  /** Logout ends every session of the user (all their devices), as a password change does. */
  async logout(userId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await endUserSessions(m, userId);
      await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: userId, action: 'auth.logout', actorId: userId });
    });
    await this.sessions.ended(userId);
  }

  private async sessionUser(m: EntityManager, id: string): Promise<SessionUser | null> {
    const u = await m.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_read' } });
    return u && { id: u.id, username: u.username, role: u.role, unitId: u.unitId, active: u.active, sessionGeneration: u.sessionGeneration, mustChangePassword: u.mustChangePassword };
  }

  private async grant(m: EntityManager, user: SessionUser, familyId: string): Promise<SessionGrant> {
    const refreshToken = randomBytes(32).toString('base64url');
    await insertRefreshToken(m, {
      familyId,
      userId: user.id,
      tokenHash: sha256(refreshToken),
      generation: user.sessionGeneration,
      expiresAt: new Date(Date.now() + ttlSeconds(this.config.REFRESH_TOKEN_TTL) * 1000),
    });
    const payload: TokenPayload = { sub: user.id, username: user.username, role: user.role, unitId: user.unitId, gen: user.sessionGeneration };
    return {
      refreshToken,
      answer: {
        accessToken: this.jwt.sign(payload),
        expiresIn: ttlSeconds(this.config.JWT_TTL),
        mustChangePassword: user.mustChangePassword,
        user: { id: user.id, username: user.username, role: user.role, unitId: user.unitId },
      },
    };
  }
}
