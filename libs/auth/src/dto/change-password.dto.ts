import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password', description: 'The password the caller signs in with now.' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    description:
      'At least 12 characters, no composition rules; refused when common or breached, or when it contains the e-mail address or the name.',
  })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}
