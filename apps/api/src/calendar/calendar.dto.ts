import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class DayOffDto {
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @IsISO8601({ strict: true }) date?: string;
  @ApiPropertyOptional({ example: '2027-02-05' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2027-02-10' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiProperty({ example: 'Tết Nguyên đán' }) @IsString() @MinLength(1) @MaxLength(300) name: string;
}

export class MakeUpDayDto {
  @ApiProperty({ example: '2027-02-20' }) @IsISO8601({ strict: true }) date: string;
  @ApiProperty({ example: 'Làm bù cho thứ Sáu 12/02/2027' }) @IsString() @MinLength(1) @MaxLength(300) name: string;
}

export class LunarDto {
  @IsISO8601({ strict: true }) tet: string;
  @IsISO8601({ strict: true }) hungKings: string;
}

export class EnterCalendarYearDto {
  @ApiProperty({ description: 'the text of the decision that announced the days off (số, ngày, trích yếu)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  decision: string;
  @ApiProperty({ type: [DayOffDto] }) @IsArray() @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => DayOffDto) daysOff: DayOffDto[];
  @ApiProperty({ type: [MakeUpDayDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => MakeUpDayDto) makeUpDays: MakeUpDayDto[];
  @ApiPropertyOptional({ type: LunarDto }) @IsOptional() @ValidateNested() @Type(() => LunarDto) lunar?: LunarDto;
  @ApiPropertyOptional({ description: 'the version read, when replacing an entered year (optimistic lock)' }) @IsOptional() @IsInt() @Min(1) version?: number;
}
