import { ApiProperty } from '@nestjs/swagger';
import type { AccountLinkPurpose } from '@liaison/data';

/** An administrator's reset: what was sent to the user, and until when it works. */
export class PasswordResetIssuedView {
  @ApiProperty({
    enum: ['invitation', 'admin_reset'],
    description: 'A new invitation when the user never chose a password, else a reset link.',
  })
  sent!: Extract<AccountLinkPurpose, 'invitation' | 'admin_reset'>;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'Refresh tokens revoked: every session of the user has ended.' })
  sessionsEnded!: number;
}
