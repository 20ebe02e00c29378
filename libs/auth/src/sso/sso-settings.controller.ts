import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, parseUuid, StepUp } from '@liaison/platform';
import { CurrentActor } from '../decorators/current-actor.decorator';
import { SsoSettingsDto } from './sso-settings.dto';
import { SsoSettingsService } from './sso-settings.service';
import { SsoSettingsView } from './sso-settings.view';

@ApiTags('agencies')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Another agency (only its own ADMINs see its settings).' })
@Controller('agencies/:agencyId/sso')
export class SsoSettingsController {
  constructor(private readonly settings: SsoSettingsService) {}

  @Get()
  @ApiOkResponse({ type: SsoSettingsView, description: 'The agency’s provider (`configured: false` when none yet).' })
  get(
    @CurrentActor() actor: Actor,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
  ): Promise<SsoSettingsView> {
    return this.settings.get(actor, agencyId);
  }

  @Put()
  @StepUp()
  @ApiOkResponse({ type: SsoSettingsView })
  @ApiUnprocessableEntityResponse({
    description: 'The issuer could not be discovered, or password sign-in cannot be switched off yet.',
  })
  put(
    @Caller() caller: CallerContext,
    @Param('agencyId', parseUuid('agencyId')) agencyId: string,
    @Body() body: SsoSettingsDto,
  ): Promise<SsoSettingsView> {
    return this.settings.put(caller, agencyId, body);
  }
}
