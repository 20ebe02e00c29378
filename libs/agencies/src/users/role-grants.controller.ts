import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, cursorPageView, IdPageQuery, parseUuid, StepUp, type CursorPage } from '@liaison/platform';
import { RoleGrantView } from '../dto/role-grant.view';
import { RoleGrantsService } from './role-grants.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('role-grants')
export class RoleGrantsController {
  constructor(private readonly grants: RoleGrantsService) {}

  @Get()
  @ApiOkResponse({
    type: cursorPageView(RoleGrantView, 'RoleGrantPageView'),
    description:
      "Grants waiting for a second administrator: the caller's agency's roles (ADMINs), the flag (platform admins).",
  })
  list(@CurrentActor() actor: Actor, @Query() page: IdPageQuery): Promise<CursorPage<RoleGrantView>> {
    return this.grants.list(actor, page);
  }

  @Post(':grantId/confirm')
  @StepUp()
  @HttpCode(200)
  @ApiOkResponse({ type: RoleGrantView, description: 'Granted; the grant is no longer pending.' })
  @ApiForbiddenResponse({ description: 'The proposer or the grantee cannot be the second administrator.' })
  @ApiNotFoundResponse({ description: 'No such pending grant among those the caller decides.' })
  confirm(
    @Caller() caller: CallerContext,
    @Param('grantId', parseUuid('grantId')) grantId: string,
  ): Promise<RoleGrantView> {
    return this.grants.confirm(caller, grantId);
  }

  @Post(':grantId/refuse')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Refused (or withdrawn by its proposer): nothing is granted.' })
  @ApiNotFoundResponse({ description: 'No such pending grant among those the caller decides.' })
  async refuse(
    @Caller() caller: CallerContext,
    @Param('grantId', parseUuid('grantId')) grantId: string,
  ): Promise<void> {
    await this.grants.refuse(caller, grantId);
  }
}
