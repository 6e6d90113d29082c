import { AGGREGATIONS, PERIOD_TYPES, type Aggregation, type PeriodType } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';

const BOUND = /^-?\d{1,18}(\.\d{1,6})?$/;

export class FormIndicatorDto {
  @IsString() @MaxLength(64) code: string;
  @IsString() @MaxLength(500) name: string;
  @IsOptional() @IsString() @MaxLength(50) unit?: string | null;
  @IsIn(['number', 'percent', 'text']) kind: 'number' | 'percent' | 'text';
  @IsOptional() @IsString() @MaxLength(64) parent?: string | null;
  @IsOptional() @IsBoolean() hasCumulative?: boolean;
  @IsOptional() @IsBoolean() hasPlan?: boolean;
  @IsOptional() @IsString() @MaxLength(100) planBasis?: string | null;
  @IsOptional() @IsBoolean() hasSamePeriod?: boolean;
  @IsOptional() @IsIn(['value', 'cumulative']) compareOn?: 'value' | 'cumulative';
  @IsOptional() @IsIn(['change', 'ratio']) samePeriodStyle?: 'change' | 'ratio';
  @IsOptional() @IsIn(AGGREGATIONS) aggregation?: Aggregation;
  @IsOptional() @IsBoolean() required?: boolean;
  @IsOptional() @IsString() @Matches(BOUND) min?: string | null;
  @IsOptional() @IsString() @Matches(BOUND) max?: string | null;
  @IsOptional() @IsBoolean() integerOnly?: boolean;
  @IsOptional() @IsInt() @Min(0) @Max(6) decimals?: number | null;
}

export class FormSectionDto {
  @IsString() @MaxLength(64) code: string;
  @IsString() @MaxLength(500) title: string;
  @IsOptional() @IsString() @MaxLength(64) reportSection?: string | null;
  @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) units: string[];
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => FormIndicatorDto) indicators: FormIndicatorDto[];
}

export class FormVersionBodyDto {
  @IsString() @MaxLength(500) name: string;
  @IsArray() @IsIn(PERIOD_TYPES, { each: true }) periodTypes: PeriodType[];
  @IsOptional() @IsObject() deadline?: Record<string, unknown> | null;
  @IsOptional() @IsObject() reminders?: Record<string, unknown> | null;
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => FormSectionDto) sections: FormSectionDto[];
}

export class CreateFormDraftDto {
  @ApiProperty({ example: 'KTXH-THANG', description: 'the form whose newest version the draft starts from' })
  @IsString()
  @MaxLength(100)
  formCode: string;
}

export class SaveFormDraftDto {
  @ApiProperty({ description: 'the draft version read (optimistic lock)' }) @IsInt() @Min(1) version: number;
  @ApiProperty({ type: FormVersionBodyDto }) @ValidateNested() @Type(() => FormVersionBodyDto) body: FormVersionBodyDto;
}

export class PublishFormDraftDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ example: '2025-06', description: 'the first month whose periods use the new version (YYYY-MM)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  effectiveFrom: string;
}
