import { AppConfig, InjectConfig } from '@app/config';
import { APP_ROLE, findConnectionRole } from '@app/database';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Says at start-up, in production, when the API's login is a superuser: it still acts as tonghop_app,
 * but a superuser's session can go back to being the superuser (README, "Production runbook").
 */
@Injectable()
export class DatabaseRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const role = await findConnectionRole(this.db);
    if (role.actingAs !== APP_ROLE) throw new Error(`the API acts as "${role.actingAs}", not as ${APP_ROLE}`);
    if (this.config.NODE_ENV === 'production' && role.loginIsSuperuser) {
      this.logger.warn(
        `CẢNH BÁO: API kết nối PostgreSQL bằng tài khoản quản trị "${role.login}" — the API's login is a superuser: use a login that is only a member of ${APP_ROLE} (README, "Production runbook").`,
      );
    }
  }
}
