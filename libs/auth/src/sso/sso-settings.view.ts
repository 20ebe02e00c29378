import { ApiProperty } from '@nestjs/swagger';
import type { AgencySignOn } from '@liaison/data';

/** An agency's single sign-on settings, without the client secret. */
export class SsoSettingsView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ description: 'Whether the agency has connected a provider.' }) configured!: boolean;
  @ApiProperty({ description: 'The redirect address to register with the provider for this client.' })
  redirectUri!: string;
  @ApiProperty({ type: String, nullable: true }) issuer!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
  @ApiProperty() clientSecretSet!: boolean;
  @ApiProperty() emailClaim!: string;
  @ApiProperty({ type: [String] }) acceptedAmr!: string[];
  @ApiProperty({ type: [String] }) acceptedAcr!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty() passwordSignIn!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When someone of the agency first signed in through these settings (ISO 8601).',
  })
  provenAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;

  static from(agencyId: string, redirectUri: string, row: AgencySignOn | null): SsoSettingsView {
    return {
      agencyId,
      configured: row !== null,
      redirectUri,
      issuer: row?.issuer ?? null,
      clientId: row?.clientId ?? null,
      clientSecretSet: row !== null,
      emailClaim: row?.emailClaim ?? 'email',
      acceptedAmr: row ? [...row.acceptedAmr] : [],
      acceptedAcr: row ? [...row.acceptedAcr] : [],
      enabled: row?.enabled ?? false,
      passwordSignIn: row ? row.passwordSignIn : true,
      provenAt: row?.provenAt?.toISOString() ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }
}
