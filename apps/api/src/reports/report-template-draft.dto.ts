import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

export class CreateReportTemplateDraftDto {
  @ApiProperty({ example: 'KTXH-THANG-BC' }) @IsString() @MaxLength(100) code: string;
}

export class StatementPatternDto {
  @ApiProperty({ example: 'Trồng rừng mới {months} tháng đầu năm được {cumulative}, {plan}.' }) @IsString() @MaxLength(2000) sentence: string;
  @ApiPropertyOptional({ description: 'the sentence of the period with this number, where it differs (null: nothing that period)' })
  @IsOptional()
  @IsObject()
  sentenceByNumber?: Record<string, string | null>;
}

export class SectionPatternsDto {
  @ApiProperty({ example: 'II.1.1' }) @IsString() @MaxLength(64) id: string;
  @ApiProperty({ type: [StatementPatternDto], description: 'the section’s statements in order, each with its new pattern' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => StatementPatternDto)
  statements: StatementPatternDto[];
}

export class SaveReportTemplateDraftDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ type: [SectionPatternsDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => SectionPatternsDto) sections: SectionPatternsDto[];
}

export class PublishReportTemplateDraftDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
