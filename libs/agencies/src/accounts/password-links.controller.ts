import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiGoneResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Public } from '@liaison/auth';
import { ClientRequestId } from '@liaison/platform';
import { PasswordLinkDto, RedeemPasswordLinkDto } from './dto/password-link.dto';
import { PasswordLinkView } from './dto/password-link.view';
import { PasswordResetRequestDto } from './dto/password-reset-request.dto';
import { PasswordResetSentView } from './dto/password-reset-sent.view';
import { PasswordLinksService } from './password-links.service';

const RESET_SENT: PasswordResetSentView = {
  detail:
    'If an active account has this address, a link to choose a new password is on its way. It works once, for 30 minutes.',
};

/** Signed out: the token in the body, never in the path (paths are logged). */
@ApiTags('auth')
@Public()
@Controller('auth')
export class PasswordLinksController {
  constructor(private readonly links: PasswordLinksService) {}

  @Post('password-links/inspect')
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOkResponse({ type: PasswordLinkView, description: 'Whose account the link is for, and why it was sent.' })
  @ApiGoneResponse({ description: 'Unknown, used, replaced or expired.' })
  inspect(@Body() body: PasswordLinkDto): Promise<PasswordLinkView> {
    return this.links.inspect(body.token);
  }

  @Post('password-links/redeem')
  @HttpCode(204)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiNoContentResponse({ description: 'The password is set: sign in with it. Every session of the user has ended.' })
  @ApiGoneResponse({ description: 'Unknown, used, replaced or expired.' })
  async redeem(@Body() body: RedeemPasswordLinkDto, @ClientRequestId() clientRequestId: string | null): Promise<void> {
    await this.links.redeem(body.token, body.password, clientRequestId);
  }

  @Post('password-resets')
  @HttpCode(202)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiAcceptedResponse({
    type: PasswordResetSentView,
    description: 'The same answer whether the account exists or not.',
  })
  async requestReset(
    @Body() body: PasswordResetRequestDto,
    @ClientRequestId() clientRequestId: string | null,
  ): Promise<PasswordResetSentView> {
    await this.links.requestReset(body.email, clientRequestId);
    return RESET_SENT;
  }
}
