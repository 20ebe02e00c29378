import { ApiProperty } from '@nestjs/swagger';

/** An agency whose users may sign in through its identity provider (the sign-in page's choice). */
export class SsoAgencyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'NP' }) country!: string;
  @ApiProperty({ description: 'GET this address in the browser to sign in through the provider.' })
  startUrl!: string;
  @ApiProperty({ description: 'Whether the agency’s users may also sign in with a password.' })
  passwordSignIn!: boolean;
}
