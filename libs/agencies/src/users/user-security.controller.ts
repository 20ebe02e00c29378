import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CallerContext } from '@liaison/domain';
import { Caller, parseUuid, StepUp } from '@liaison/platform';
import { UserSecurityService } from './user-security.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown agency or user, or one of another agency.' })
@ApiForbiddenResponse({ description: 'Not an ADMIN of the agency, or `step-up-required`.' })
@Controller('agencies/:agencyId/users/:userId')
export class UserSecurityController {
  constructor(private readonly security: UserSecurityService) {}

  @Post('second-factor/reset')
  @HttpCode(204)
  @StepUp()
  @ApiNoContentResponse({
    description:
      'Every second factor of the user is removed and their sessions end; they are told by e-mail and enrol again at their next sign-in. Audited.',
  })
  async resetSecondFactor(
    @Caller() caller: CallerContext,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Param('userId', parseUuid('userId')) userId: string,
  ): Promise<void> {
    await this.security.resetSecondFactor(caller, agencyId, userId);
  }

  @Post('sessions/end')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every session of the user ends: their tokens stop working at once. Audited.' })
  async endSessions(
    @Caller() caller: CallerContext,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Param('userId', parseUuid('userId')) userId: string,
  ): Promise<void> {
    await this.security.endSessions(caller, agencyId, userId);
  }
}
