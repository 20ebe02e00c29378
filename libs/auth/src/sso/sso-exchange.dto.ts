import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class SsoExchangeDto {
  @ApiProperty({ description: 'The single-use code the sign-in handed to the console (valid one minute).' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'code must be the 43-character code of the sign-in' })
  code!: string;
}
