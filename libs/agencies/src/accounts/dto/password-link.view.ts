import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_LINK_PURPOSES, type AccountLink, type AccountLinkPurpose } from '@liaison/data';

/** What the page behind a link shows before the password is chosen: whose account, and why. */
export class PasswordLinkView {
  @ApiProperty({
    enum: ACCOUNT_LINK_PURPOSES,
    description:
      '`invitation`: a new account; `reset`: asked for by the user; `admin_reset`: forced by an administrator.',
  })
  purpose!: AccountLinkPurpose;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() expiresAt!: string;

  static from(link: AccountLink): PasswordLinkView {
    return {
      purpose: link.purpose,
      email: link.user.email,
      displayName: link.user.displayName,
      agencyName: link.user.agency.name,
      expiresAt: link.expiresAt.toISOString(),
    };
  }
}
