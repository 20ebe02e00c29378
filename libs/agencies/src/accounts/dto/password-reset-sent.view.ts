import { ApiProperty } from '@nestjs/swagger';

/** The answer to a reset, the same whether the account exists or not. */
export class PasswordResetSentView {
  @ApiProperty({
    example:
      'If an active account has this address, a link to choose a new password is on its way. It works once, for 30 minutes.',
  })
  detail!: string;
}
