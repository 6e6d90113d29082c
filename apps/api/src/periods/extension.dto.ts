import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class GrantExtensionDto {
  @ApiProperty({ description: 'the unit (reporting_units.id) given more time' }) @IsUUID() unitId: string;
  @ApiProperty({ example: '2024-05-22', description: 'the new deadline; a day off moves to the next working day' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  deadline: string;
  @ApiProperty({ example: 'Đơn vị đề nghị gia hạn do sự cố hệ thống điện.' }) @IsString() @MaxLength(1000) reason: string;
}
