import { PERIOD_TYPES, PeriodType } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class OpenPeriodDto {
  @ApiProperty({ enum: PERIOD_TYPES, example: 'month' }) @IsIn(PERIOD_TYPES) type: PeriodType;
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 5, description: 'month 1–12, quarter 1–4, half_year 1–2, nine_months 1, year 1' }) @IsInt() @Min(1) @Max(12) number: number;
  @ApiPropertyOptional({ description: 'form template code; default: the newest form that serves this period type' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  formCode?: string;
  @ApiPropertyOptional({ description: 'submission deadline (YYYY-MM-DD); default: from the form’s deadline rule' })
  @IsOptional()
  @IsISO8601({ strict: true })
  deadline?: string;
}
