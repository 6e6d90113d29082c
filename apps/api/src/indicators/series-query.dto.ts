import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class SeriesQuery {
  @ApiProperty({ example: '2023-01', description: 'first month, YYYY-MM' })
  @IsString()
  @Matches(MONTH, { message: 'from phải là tháng dạng YYYY-MM' })
  from: string;

  @ApiProperty({ example: '2024-05', description: 'last month, YYYY-MM' })
  @IsString()
  @Matches(MONTH, { message: 'to phải là tháng dạng YYYY-MM' })
  to: string;

  @ApiPropertyOptional({ example: 'SNN', description: 'one reporting unit (its code); an officer always sees their own' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string;
}

export class UnitHistoryQuery {
  @ApiProperty({ example: '2023-01' }) @IsString() @Matches(MONTH, { message: 'from phải là tháng dạng YYYY-MM' }) from: string;
  @ApiProperty({ example: '2024-05' }) @IsString() @Matches(MONTH, { message: 'to phải là tháng dạng YYYY-MM' }) to: string;
}
