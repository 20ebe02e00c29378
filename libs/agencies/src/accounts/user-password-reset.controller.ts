import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
import { PasswordResetIssuedView } from './dto/password-reset-issued.view';
import { UserPasswordResetService } from './user-password-reset.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown agency or user, or one of another agency.' })
@Controller('agencies/:agencyId/users/:userId/password-reset')
export class UserPasswordResetController {
  constructor(private readonly resets: UserPasswordResetService) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: PasswordResetIssuedView,
    description: 'The password no longer works, every session has ended, and a link to choose a new one is on its way.',
  })
  reset(
    @Caller() caller: CallerContext,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Param('userId', parseUuid('userId')) userId: string,
  ): Promise<PasswordResetIssuedView> {
    return this.resets.reset(caller, agencyId, userId);
  }
}
