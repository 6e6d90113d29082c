import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class PlanLineDto {
  @ApiProperty({ example: 'forest' }) @IsString() @MaxLength(64) indicatorCode: string;
  @ApiProperty({ example: '9009', description: 'the target: a decimal string (or Vietnamese "9.009,5")' }) @IsString() @MaxLength(40) target: string;
  @ApiPropertyOptional({ example: '2024-07-01', description: 'absent: the year target; a date: a revision from that day' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  effectiveFrom?: string;
  @ApiPropertyOptional({ description: 'the decision that revised the plan (required for a revision)' }) @IsOptional() @IsString() @MaxLength(2000) decision?: string;
}

export class EnterPlansDto {
  @ApiProperty({ type: [PlanLineDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => PlanLineDto) lines: PlanLineDto[];
}
