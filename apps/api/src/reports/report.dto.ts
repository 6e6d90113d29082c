import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { VersionDto } from '../submissions/submission.dto';

export class ListReportsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() periodId?: string;
}

export class ConsolidateDto {
  @ApiProperty() @IsUUID() periodId: string;
}

export class EditSectionDto extends VersionDto {
  @ApiProperty({ description: 'the section text: paragraphs separated by a blank line, footnote markers "[^N]"' })
  @IsString()
  @MaxLength(100_000)
  text: string;
}

/** Trình ký, ký: a revision that lacks units goes on only when the actor names each of them. */
export class SignOffDto extends VersionDto {
  @ApiPropertyOptional({ type: [String], description: 'mã các đơn vị còn thiếu mà người trình/người ký chấp nhận ký khi thiếu (ghi vào sổ)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  missingUnitsAccepted?: string[];
}

export class ReturnReportDto extends VersionDto {
  @ApiProperty({ description: 'ý kiến của người ký (bắt buộc)' }) @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class ReopenDto extends VersionDto {
  @ApiProperty({ description: 'lý do mở lại (đính chính), bắt buộc' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
}

export class DiffQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) from: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) to: number;
}

export class CorrectionDto extends VersionDto {
  @ApiProperty({ description: 'lý do đính chính / thay thế (bắt buộc): in vào báo cáo thay thế' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  @ApiProperty({ type: [String], description: 'các báo cáo của đơn vị cần mở lại' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  submissionIds?: string[];
}
