import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'officer-snn' }) @IsString() @MinLength(1) @MaxLength(100) username: string;
  @ApiProperty({ example: 'Demo@2024' }) @IsString() @MinLength(1) @MaxLength(200) password: string;
}
