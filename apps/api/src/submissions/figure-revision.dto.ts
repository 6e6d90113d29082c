import { VALUE_STATUSES, ValueStatus } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class FigureRevisionItemDto {
  @ApiProperty({ example: 'budget_revenue' }) @IsString() @MinLength(1) @MaxLength(200) indicatorCode: string;

  @ApiProperty({ description: 'the new figure: a JSON number, "1234.5" or "1.234,5"', oneOf: [{ type: 'number' }, { type: 'string' }], example: '812,4' })
  @IsDefined()
  value: unknown;

  @ApiPropertyOptional({ description: 'its cumulative since January, where the unit types one', oneOf: [{ type: 'number' }, { type: 'string' }] })
  @IsOptional()
  cumulative?: unknown;

  @ApiProperty({ enum: VALUE_STATUSES.filter((s) => s !== 'estimate'), description: 'sơ bộ or chính thức: a later version never goes back to an estimate' })
  @IsIn(['preliminary', 'official'])
  status: Exclude<ValueStatus, 'estimate'>;
}

export class SubmitFigureRevisionDto {
  @ApiProperty({ type: [FigureRevisionItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FigureRevisionItemDto)
  items: FigureRevisionItemDto[];

  @ApiProperty({ description: 'where the figures come from (bắt buộc)', example: 'Số liệu chính thức theo thông cáo báo chí ngày 05/7/2024' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}

export class ReturnFigureRevisionDto {
  @ApiProperty({ description: 'lý do trả lại (bắt buộc)' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
}

export class ListFigureRevisionsQuery {
  @ApiPropertyOptional({ enum: ['submitted', 'approved', 'returned'], default: 'submitted' })
  @IsOptional()
  @IsIn(['submitted', 'approved', 'returned'])
  state?: 'submitted' | 'approved' | 'returned';
}
