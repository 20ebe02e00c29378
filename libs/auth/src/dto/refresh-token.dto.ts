import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token returned by login or the previous refresh.' })
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}
