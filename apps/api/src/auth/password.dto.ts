import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword: string;
  @ApiProperty({ description: 'at least 12 characters (a phrase of several words will do), not a common password, not the username' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: "whose session to carry on, when the browser holds several (the tab's signed-in user)" })
  @IsOptional()
  @IsUUID()
  userId?: string;
}
