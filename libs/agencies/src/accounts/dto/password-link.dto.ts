import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class PasswordLinkDto {
  @ApiProperty({ description: 'The token of an invitation or reset link (the part after `#token=`).' })
  @IsString()
  @Length(20, 200)
  token!: string;
}

export class RedeemPasswordLinkDto extends PasswordLinkDto {
  @ApiProperty({
    format: 'password',
    description:
      'At least 12 characters, no composition rules; refused when common or breached, or when it contains the e-mail address or the name.',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;
}
