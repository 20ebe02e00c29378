import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor } from '@liaison/domain';
import { ClientRequestId, CursorPageQuery, cursorPageView, parseUuid, type CursorPage } from '@liaison/platform';
import { CreateUserDto } from '../dto/create-user.dto';
import { UpdateUserDto } from '../dto/update-user.dto';
import { UserDto } from '../dto/user.dto';
import { AgencyUsersService } from './agency-users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown agency or user, or one of another agency.' })
@Controller('agencies/:agencyId/users')
export class AgencyUsersController {
  constructor(private readonly users: AgencyUsersService) {}

  @Get()
  @ApiOkResponse({
    type: cursorPageView(UserDto, 'UserPage'),
    description: 'A page of the agency users, oldest first.',
  })
  list(
    @CurrentActor() actor: Actor,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Query() page: CursorPageQuery,
  ): Promise<CursorPage<UserDto>> {
    return this.users.list(actor, agencyId, page);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  async create(
    @CurrentActor() actor: Actor,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Body() body: CreateUserDto,
    @ClientRequestId() clientRequestId: string | null,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.create(actor, agencyId, body, clientRequestId));
  }

  @Get(':userId')
  @ApiOkResponse({ type: UserDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Param('userId', parseUuid('userId')) userId: string,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.get(actor, agencyId, userId));
  }

  @Patch(':userId')
  @ApiOkResponse({ type: UserDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Param('userId', parseUuid('userId')) userId: string,
    @Body() body: UpdateUserDto,
    @ClientRequestId() clientRequestId: string | null,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.update(actor, agencyId, userId, body, clientRequestId));
  }
}
