import { AppConfig, InjectConfig } from '@app/config';
import { endUserSessions, findActiveDemoLikeAccounts, insertAuditEntry, User } from '@app/database';
import { verifyPassword } from '@app/security';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/**
 * In production, an account made by the demo, or any account still holding the published demo
 * password, is deactivated at start, and the log says which: anyone who read the README could sign
 * in with it. The administrator reactivates it with a new password if it was meant to stay.
 */
@Injectable()
export class DemoAccountCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Security');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.NODE_ENV !== 'production') return;
    const file = join(this.config.TONGHOP_CONFIG_DIR, 'demo', 'users.json');
    const demo = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { password: string; users: Array<{ username: string }> }) : { password: null, users: [] };
    const candidates = await findActiveDemoLikeAccounts(this.db, demo.users.map((u) => u.username));
    const disabled: string[] = [];
    for (const account of candidates) {
      if (!account.isDemo && !(demo.password && (await verifyPassword(account.passwordHash, demo.password)))) continue;
      await this.db.transaction(async (m) => {
        await m.getRepository(User).update({ id: account.id }, { active: false });
        await endUserSessions(m, account.id);
        await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: account.id, action: 'user.deactivated', actorId: null, after: { reason: 'demo account in production' } });
      });
      disabled.push(account.username);
    }
    if (disabled.length > 0) {
      this.logger.warn(
        `Đã khóa ${disabled.length} tài khoản mẫu có mật khẩu công khai (demo accounts with the published password disabled in production): ${disabled.join(', ')}. ` +
          'Quản trị viên mở lại bằng cách đặt mật khẩu mới rồi kích hoạt lại (POST /api/users/:id/password, /reactivate).',
      );
    }
  }
}
