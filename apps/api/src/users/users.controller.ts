import { insertAuditEntry, ReportingUnit, User } from '@app/database';
import { DomainError, ROLES, Role } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { hashPassword } from '@app/security';

export class CreateUserDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{2,62}$/) username: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(200) password: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) fullName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({ description: 'unit code, required for officers' }) @IsOptional() @IsString() @MaxLength(50) unitCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isLead?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'the new password (at least 8 characters)' }) @IsString() @MinLength(8) @MaxLength(200) password: string;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  async list() {
    const rows = await this.db.getRepository(User).find({ order: { username: 'ASC' } });
    return rows.map(({ passwordHash: _omit, ...u }) => u);
  }

  @Post()
  async create(@Body() dto: CreateUserDto) {
    let unitId: string | null = null;
    if (dto.role === 'officer') {
      const unit = dto.unitCode ? await this.db.getRepository(ReportingUnit).findOneBy({ code: dto.unitCode }) : null;
      if (!unit) throw new DomainError('VALIDATION_FAILED', 'Cán bộ đơn vị phải thuộc một đơn vị có thật (unitCode).');
      unitId = unit.id;
    } else if (dto.unitCode) {
      throw new DomainError('VALIDATION_FAILED', 'Chỉ cán bộ đơn vị (officer) mới gắn với một đơn vị.');
    }
    const exists = await this.db.getRepository(User).existsBy({ username: dto.username });
    if (exists) throw new DomainError('VALIDATION_FAILED', `Tên đăng nhập "${dto.username}" đã tồn tại.`);
    const user = await this.db.getRepository(User).save({
      username: dto.username,
      passwordHash: await hashPassword(dto.password),
      fullName: dto.fullName,
      role: dto.role,
      unitId,
      email: dto.email ?? null,
      isLead: dto.isLead ?? false,
    });
    const { passwordHash: _omit, ...view } = user;
    return view;
  }

  /** An officer who forgot their password asks the administrator, who sets a new one and tells them. */
  @Post(':id/password')
  @HttpCode(200)
  async resetPassword(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe()) id: string, @Body() dto: ResetPasswordDto) {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (m) => {
      const result = await m.update(User, { id }, { passwordHash });
      if (!result.affected) throw new DomainError('NOT_FOUND', 'Không tìm thấy tài khoản.');
      await insertAuditEntry(m, { submissionId: null, entityType: 'user', entityId: id, action: 'user.password_reset', actorId: actor.id });
      return { id, passwordReset: true };
    });
  }
}
