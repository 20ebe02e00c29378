import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, cursorPageView, IdPageQuery, parseUuid, StepUp, type CursorPage } from '@liaison/platform';
import { CreateUserDto } from '../dto/create-user.dto';
import { UpdateUserDto } from '../dto/update-user.dto';
import { UserView } from '../dto/user.view';
import { AgencyUsersService } from './agency-users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown agency or user, or one of another agency.' })
@Controller('agencies/:agencyId/users')
export class AgencyUsersController {
  constructor(private readonly users: AgencyUsersService) {}

  @Get()
  @ApiOkResponse({
    type: cursorPageView(UserView, 'UserPageView'),
    description: 'A page of the agency users, oldest first.',
  })
  list(
    @CurrentActor() actor: Actor,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Query() page: IdPageQuery,
  ): Promise<CursorPage<UserView>> {
    return this.users.list(actor, agencyId, page);
  }

  @Post()
  @StepUp()
  @ApiCreatedResponse({ type: UserView })
  async create(
    @Caller() caller: CallerContext,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Body() body: CreateUserDto,
  ): Promise<UserView> {
    return UserView.from(await this.users.create(caller, agencyId, body));
  }

  @Get(':userId')
  @ApiOkResponse({ type: UserView })
  async get(
    @CurrentActor() actor: Actor,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Param('userId', parseUuid('userId')) userId: string,
  ): Promise<UserView> {
    return UserView.from(await this.users.get(actor, agencyId, userId));
  }

  @Patch(':userId')
  @StepUp({ whenBodyHas: 'roles' })
  @ApiOkResponse({ type: UserView })
  async update(
    @Caller() caller: CallerContext,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Param('userId', parseUuid('userId')) userId: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return UserView.from(await this.users.update(caller, agencyId, userId, body));
  }
}
