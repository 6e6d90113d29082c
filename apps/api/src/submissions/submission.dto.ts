import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
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
import { ShallowBody } from '../common/validation';

export class VersionDto {
  @ApiProperty({ description: 'the version the client last read (optimistic locking)', example: 3 })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version: number;
}

export class ValueInputDto {
  @ApiProperty({ example: 'new_forest_planted' }) @IsString() @MinLength(1) @MaxLength(200) indicatorCode: string;

  @ApiProperty({
    description: 'a JSON number, a string "1234.5" or "1.234,5", text for text indicators, or null to clear',
    oneOf: [{ type: 'number' }, { type: 'string' }],
    nullable: true,
    example: '710,83',
  })
  @Allow()
  value: unknown;

  @ApiPropertyOptional({ description: 'cumulative since January, typed when the earlier months are not in the system' })
  @Allow()
  cumulative?: unknown;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) note?: string | null;
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
