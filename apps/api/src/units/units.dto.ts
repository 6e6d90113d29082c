import { UNIT_KINDS } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const UNIT_CODE = /^[A-Z][A-Z0-9_-]{1,29}$/;
/** a calendar day, as the database reads it (ISO 8601 also allows weeks and times) */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class UnitsQuery {
  @ApiPropertyOptional({ description: 'only units in force on this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY)
  date?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'SNNMT' }) @IsString() @Matches(UNIT_CODE) code: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind: string;
  @ApiPropertyOptional({ description: 'code of the parent unit (districts, communes)' }) @IsOptional() @IsString() @MaxLength(30) parentCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string | null;
}

export class CreateUnitRequest extends CreateUnitDto {
  @ApiProperty({ description: 'first day the unit exists (YYYY-MM-DD)' }) @IsISO8601({ strict: true }) @Matches(DAY) effectiveFrom: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'code of the parent unit; null removes it' }) @IsOptional() @IsString() @MaxLength(30) parentCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string | null;
}

export class CloseUnitDto {
  @ApiProperty({ description: 'first day without the unit (the first of a month)' }) @IsISO8601({ strict: true }) @Matches(DAY) effectiveDate: string;
  @ApiProperty({ description: 'the decision that closes it' }) @IsString() @MinLength(3) @MaxLength(500) decision: string;
  @ApiPropertyOptional({ description: 'unit code its users move to; absent or null: they are deactivated' }) @IsOptional() @IsString() @MaxLength(30) usersTo?: string | null;
}

export class TransferDto {
  @ApiProperty() @IsString() @MaxLength(30) from: string;
  @ApiProperty() @IsString() @MaxLength(30) to: string;
  @ApiPropertyOptional({ type: [String], description: 'indicator codes; absent or null: every indicator `from` fills' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  indicators?: string[] | null;
}

export class ClosingDto {
  @ApiProperty() @IsString() @MaxLength(30) code: string;
  @ApiPropertyOptional({ description: 'unit code its users move to; absent or null: they are deactivated' }) @IsOptional() @IsString() @MaxLength(30) usersTo?: string | null;
}

/** Sáp nhập, chia tách, điều chuyển chỉ tiêu: one action from one date. */
export class RestructureDto {
  @ApiProperty({ description: 'first day of the new arrangement (the first of a month)', example: '2025-03-01' }) @IsISO8601({ strict: true }) @Matches(DAY) effectiveDate: string;
  @ApiProperty({ description: 'the decision that orders it (số, ngày, cơ quan)' }) @IsString() @MinLength(3) @MaxLength(500) decision: string;
  @ApiPropertyOptional({ type: [CreateUnitDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CreateUnitDto) newUnits?: CreateUnitDto[];
  @ApiPropertyOptional({ type: [TransferDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => TransferDto) transfers?: TransferDto[];
  @ApiPropertyOptional({ type: [ClosingDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ClosingDto) close?: ClosingDto[];
}
