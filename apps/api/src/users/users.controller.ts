import { User } from '@app/database';
import { ROLES, Role } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccountsService } from '../auth/accounts.service';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';

const PASSWORD_RULE = 'at least 12 characters (a phrase of several words will do), not a common password, not the username';

export class CreateUserDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{2,62}$/) username: string;
  @ApiProperty({ description: `the first password, to be changed at first login: ${PASSWORD_RULE}` }) @IsString() @MinLength(1) @MaxLength(200) password: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) fullName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({ description: 'unit code, required for officers' }) @IsOptional() @IsString() @MaxLength(50) unitCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isLead?: boolean;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ enum: ROLES, description: 'a new role ends every session of the user' }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: 'unit code (officers); a new unit ends every session of the user' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unitCode?: string | null;
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== null) @IsOptional() @IsEmail() email?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isLead?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ description: `the new password, to be changed at next login: ${PASSWORD_RULE}` }) @IsString() @MinLength(1) @MaxLength(200) password: string;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  @Get()
  async list() {
    const rows = await this.db.getRepository(User).find({ order: { username: 'ASC' } });
    return rows.map(({ passwordHash: _omit, ...u }) => u);
  }

  @Post()
  create(@CurrentUser() actor: Actor, @Body() dto: CreateUserDto) {
    return this.accounts.create(actor, dto);
  }

  /** Name, e-mail, lead; role and unit too, which end the user's sessions. */
  @Patch(':id')
  update(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe()) id: string, @Body() dto: UpdateUserDto) {
    return this.accounts.update(actor, id, dto);
  }

  /** An officer who forgot their password asks the administrator, who sets a new one and tells them. */
  @Post(':id/password')
  @HttpCode(200)
  async resetPassword(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe()) id: string, @Body() dto: ResetPasswordDto) {
    await this.accounts.resetPassword(actor, id, dto.password);
    return { id, passwordReset: true };
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe()) id: string) {
    return this.accounts.setActive(actor, id, false);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe()) id: string) {
    return this.accounts.setActive(actor, id, true);
  }
}
