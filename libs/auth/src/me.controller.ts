import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserSchema } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { CurrentActor } from './decorators/current-actor.decorator';
import { MeView } from './dto/me.view';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ApiOkResponse({ type: MeView, description: 'The caller, their agency and roles.' })
  async me(@CurrentActor() actor: Actor): Promise<MeView> {
    const user = await this.em.fork().findOneOrFail(UserSchema, actor.userId, { populate: ['agency'] });
    const { agency } = user;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      platformAdmin: user.platformAdmin,
      language: user.language,
      agency: {
        id: agency.id,
        name: agency.name,
        country: agency.country,
        type: agency.type,
        centralAuthority: agency.centralAuthority,
      },
    };
  }
}
