import type { Me } from '@app/contracts';
import { ReportingUnit, User } from '@app/database';
import { DomainError, vnDate } from '@app/domain';
import { Clock, CLOCK } from '@app/queue';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AllowPendingPasswordChange, CurrentUser } from './decorators';

/**
 * Who is signed in, with the names a screen shows (the token carries only ids), and today's date in
 * Vietnam on the server's clock: the screens count days to a deadline from it, not from the browser's.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AllowPendingPasswordChange()
  async me(@CurrentUser() actor: Actor): Promise<Me> {
    const user = await this.db.getRepository(User).findOneBy({ id: actor.id, active: true });
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động. Vui lòng đăng nhập lại.');
    const unit = user.unitId ? await this.db.getRepository(ReportingUnit).findOneBy({ id: user.unitId }) : null;
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      isLead: user.isLead,
      email: user.email,
      unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
      today: vnDate(await this.clock.now()),
      mustChangePassword: user.mustChangePassword,
    };
  }
}
