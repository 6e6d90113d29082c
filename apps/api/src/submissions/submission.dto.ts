import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VALUE_STATUSES, ValueStatus } from '@app/domain';
import { ShallowBody } from '../common/validation';
import { VALUE_ITEM_LIMITS, ValueItem } from './value-items';

export class VersionDto {
  @ApiProperty({ description: 'the version the client last read (optimistic locking)', example: 3 })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version: number;
}

/**
 * One item of a save's `values`, as the OpenAPI document describes it. No class-validator rules here:
 * SaveValuesDto is a @ShallowBody(), so its items never reach class-validator; readValueItems
 * (value-items.ts) checks each one by hand, with the limits stated once in VALUE_ITEM_LIMITS.
 */
export class ValueInputDto implements ValueItem {
  @ApiProperty({ example: 'new_forest_planted', minLength: VALUE_ITEM_LIMITS.codeMin, maxLength: VALUE_ITEM_LIMITS.codeMax })
  indicatorCode: string;

  @ApiProperty({
    description: 'a JSON number, a string "1234.5" or "1.234,5", text for text indicators, or null to clear',
    oneOf: [{ type: 'number' }, { type: 'string' }],
    nullable: true,
    example: '710,83',
  })
  value: unknown;

  @ApiPropertyOptional({ description: 'cumulative since January, typed when the earlier months are not in the system' })
  cumulative?: unknown;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: VALUE_ITEM_LIMITS.noteMax }) note?: string | null;

  @ApiPropertyOptional({ enum: VALUE_STATUSES, nullable: true, description: 'ước / sơ bộ / chính thức; null clears it, absent leaves it' })
  status?: ValueStatus | null;
}

/** each item of `values` is checked by the service (readValueItems): 50 nested class validations cost more than the save */
@ShallowBody()
export class SaveValuesDto extends VersionDto {
  @ApiProperty({ type: [ValueInputDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  values: unknown[];
}

export class ListSubmissionsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() periodId?: string;
}

export class IndicatorCommentDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) indicatorCode: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) text: string;
}

export class ReturnDto extends VersionDto {
  @ApiProperty({ description: 'lý do trả lại (bắt buộc)' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;

  @ApiPropertyOptional({ type: [IndicatorCommentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => IndicatorCommentDto)
  comments?: IndicatorCommentDto[];
}
