import { ApiProperty } from '@nestjs/swagger';

export class TokenPairView {
  @ApiProperty({ description: 'Short-lived JWT for the Authorization: Bearer header.' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 })
  expiresIn!: number;

  @ApiProperty({ description: 'Opaque, single-use token for POST /v1/auth/refresh.' })
  refreshToken!: string;

  @ApiProperty({ description: 'When the refresh token expires (ISO 8601, UTC).' })
  refreshExpiresAt!: string;
}
