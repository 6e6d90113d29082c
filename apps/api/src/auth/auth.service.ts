import { User } from '@app/database';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../common/actor';
import { hashPassword, verifyPassword } from '@app/security';

export interface TokenPayload {
  sub: string;
  username: string;
  role: Actor['role'];
  unitId: string | null;
}

@Injectable()
export class AuthService {
  /** compared against when the user does not exist, so both paths take the same time */
  private readonly dummyHash = hashPassword('timing-equaliser');

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
  ) {}

  async validateCredentials(username: string, password: string): Promise<Actor | null> {
    const user = await this.users.findOne({ where: { username: username.trim().toLowerCase(), active: true } });
    if (!user) {
      await verifyPassword(await this.dummyHash, password);
      return null;
    }
    if (!(await verifyPassword(user.passwordHash, password))) return null;
    return { id: user.id, username: user.username, role: user.role, unitId: user.unitId };
  }

  issueToken(actor: Actor): { accessToken: string; user: { id: string; username: string; role: Actor['role']; unitId: string | null } } {
    const payload: TokenPayload = { sub: actor.id, username: actor.username, role: actor.role, unitId: actor.unitId };
    return {
      accessToken: this.jwt.sign(payload),
      user: { id: actor.id, username: actor.username, role: actor.role, unitId: actor.unitId },
    };
  }
}
