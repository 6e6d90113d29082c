import { endUserSessions, insertAuditEntry, ReportingUnit, SessionUser, User } from '@app/database';
import type { NewAccount } from '@app/contracts';
import { DomainError, formatVnDate, Role, vnDate } from '@app/domain';
import { Clock, CLOCK } from '@app/queue';
import { hashPassword, verifyPassword } from '@app/security';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { PasswordRules } from './password-rules.service';
import { SessionState } from './session-state.service';

export interface AccountChange {
  fullName?: string;
  role?: Role;
  unitCode?: string | null;
  email?: string | null;
  isLead?: boolean;
}

export type AccountView = Omit<User, 'passwordHash' | 'unit'>;

const view = ({ passwordHash: _hash, unit: _unit, ...rest }: User): AccountView => rest;
const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy tài khoản.');

/**
 * Accounts: created, changed, deactivated and given passwords by the administrator, and their own
 * password changed by the user. Whatever changes who a user is (password, active, role, unit) ends
 * every session they have; every change is in the audit log with its author.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: PasswordRules,
    private readonly sessions: SessionState,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(admin: Actor, dto: NewAccount): Promise<AccountView> {
    this.rules.check(dto.password, dto.username);
    const unitId = await this.unitFor(this.db.manager, dto.role, dto.unitCode, null);
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (m) => {
      if (await m.getRepository(User).existsBy({ username: dto.username })) {
        throw new DomainError('ALREADY_EXISTS', `Tên đăng nhập "${dto.username}" đã tồn tại.`);
      }
      const user = await m.getRepository(User).save({
        username: dto.username,
        passwordHash,
        fullName: dto.fullName,
        role: dto.role,
        unitId,
        email: dto.email ?? null,
        isLead: dto.isLead ?? false,
        // the administrator knows this password: the user replaces it at first login
        mustChangePassword: true,
      });
      await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: user.id, action: 'user.created', actorId: admin.id, after: { username: user.username, role: user.role, unitId } });
      return view(user);
    });
  }

  async update(admin: Actor, id: string, change: AccountChange): Promise<AccountView> {
    if (id === admin.id && change.role !== undefined && change.role !== admin.role) {
      throw new DomainError('FORBIDDEN', 'Bạn không thể tự đổi vai trò của chính mình.');
    }
    const updated = await this.db.transaction(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound();
      const before = { fullName: user.fullName, role: user.role, unitId: user.unitId, email: user.email, isLead: user.isLead };
      const role = change.role ?? user.role;
      // an officer keeps their unit unless told otherwise; any other role has none
      const unitCode = change.unitCode === undefined ? (role === 'officer' ? await this.unitCodeOf(m, user.unitId) : undefined) : (change.unitCode ?? undefined);
      const unitId = change.role !== undefined || change.unitCode !== undefined ? await this.unitFor(m, role, unitCode, user.unitId) : user.unitId;
      const after = {
        fullName: change.fullName ?? user.fullName,
        role,
        unitId,
        email: change.email === undefined ? user.email : change.email,
        isLead: change.isLead ?? user.isLead,
      };
      await m.getRepository(User).update({ id }, after);
      const identityChanged = role !== before.role || unitId !== before.unitId;
      if (identityChanged) await endUserSessions(m, id);
      await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: id, action: 'user.updated', actorId: admin.id, before, after });
      return { user: { ...user, ...after }, identityChanged };
    });
    if (updated.identityChanged) await this.sessions.ended(id);
    return view(updated.user);
  }

  /** A password the administrator sets (the user forgot theirs): the user must change it at next login. */
  async resetPassword(admin: Actor, id: string, password: string): Promise<void> {
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw notFound();
    this.rules.check(password, user.username);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (m) => {
      await m.getRepository(User).update({ id }, { passwordHash, mustChangePassword: true, isDemo: false });
      await endUserSessions(m, id);
      await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: id, action: 'user.password_reset', actorId: admin.id });
    });
    await this.sessions.ended(id);
  }

  async setActive(admin: Actor, id: string, active: boolean): Promise<AccountView> {
    if (id === admin.id && !active) throw new DomainError('FORBIDDEN', 'Bạn không thể tự khóa tài khoản của chính mình.');
    const user = await this.db.transaction(async (m) => {
      const u = await m.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!u) throw notFound();
      if (u.active === active) return u;
      await m.getRepository(User).update({ id }, { active });
      await endUserSessions(m, id);
      await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: id, action: active ? 'user.reactivated' : 'user.deactivated', actorId: admin.id });
      return { ...u, active };
    });
    await this.sessions.ended(id);
    return view(user);
  }

  /** The user's own change: the current password proves it is them; every session ends. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<SessionUser> {
    const user = await this.db.getRepository(User).findOneBy({ id: actor.id, active: true });
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động. Vui lòng đăng nhập lại.');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      const message = 'Mật khẩu hiện tại không đúng.';
      throw new DomainError('VALIDATION_FAILED', message, [{ field: 'currentPassword', code: 'VALIDATION_FAILED', message }]);
    }
    if (currentPassword === newPassword) {
      throw new DomainError('WEAK_PASSWORD', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [{ field: 'newPassword', code: 'WEAK_PASSWORD', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' }]);
    }
    this.rules.check(newPassword, user.username, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    const generation = await this.db.transaction(async (m) => {
      await m.getRepository(User).update({ id: user.id }, { passwordHash, mustChangePassword: false, isDemo: false });
      const g = await endUserSessions(m, user.id);
      await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: user.id, action: 'user.password_changed', actorId: user.id });
      return g ?? user.sessionGeneration + 1;
    });
    await this.sessions.ended(user.id);
    return { id: user.id, username: user.username, role: user.role, unitId: user.unitId, active: true, sessionGeneration: generation, mustChangePassword: false };
  }

  /** The officer's unit: one that exists and, unless it is already theirs, is still in force today (not ended by a restructuring). */
  private async unitFor(m: EntityManager, role: Role, unitCode: string | undefined, currentUnitId: string | null): Promise<string | null> {
    if (role === 'officer') {
      const unit = unitCode ? await m.getRepository(ReportingUnit).findOneBy({ code: unitCode }) : null;
      if (!unit) throw new DomainError('VALIDATION_FAILED', 'Cán bộ đơn vị phải thuộc một đơn vị có thật (unitCode).');
      if (unit.id !== currentUnitId && unit.effectiveTo !== null && unit.effectiveTo < vnDate(await this.clock.now())) {
        const successor = unit.mergedIntoCode ? ` Hãy chọn đơn vị kế thừa ${unit.mergedIntoCode}.` : '';
        throw new DomainError('UNIT_NOT_IN_FORCE', `Đơn vị ${unit.code} đã kết thúc hoạt động (ngày cuối ${formatVnDate(unit.effectiveTo)}).${successor}`);
      }
      return unit.id;
    }
    if (unitCode) throw new DomainError('VALIDATION_FAILED', 'Chỉ cán bộ đơn vị (officer) mới gắn với một đơn vị.');
    return null;
  }

  private async unitCodeOf(m: EntityManager, unitId: string | null): Promise<string | undefined> {
    return unitId ? (await m.getRepository(ReportingUnit).findOneBy({ id: unitId }))?.code : undefined;
  }
}
