import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@liaison/auth';
import type { Actor } from '@liaison/domain';
import { cursorPageView, IdPageQuery, parseUuid, StepUp, type CursorPage } from '@liaison/platform';
import { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { CreatedWebhookView, RotatedSecretView, WebhookDeliveryView, WebhookView } from './webhook.view';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such endpoint in the caller’s agency.' })
@Roles('ADMIN')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @StepUp()
  @ApiCreatedResponse({ type: CreatedWebhookView, description: 'The endpoint, with its secret: shown only here.' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto): Promise<CreatedWebhookView> {
    return this.webhooks.create(actor, body);
  }

  @Get()
  @ApiOkResponse({
    type: cursorPageView(WebhookView, 'WebhookPageView'),
    description: 'A page of the agency’s endpoints, oldest first.',
  })
  list(@CurrentActor() actor: Actor, @Query() page: IdPageQuery): Promise<CursorPage<WebhookView>> {
    return this.webhooks.list(actor, page);
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookView })
  get(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<WebhookView> {
    return this.webhooks.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookView> {
    return this.webhooks.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<void> {
    return this.webhooks.remove(actor, id);
  }

  @Post(':id/secret/rotate')
  @HttpCode(200)
  @ApiOkResponse({
    type: RotatedSecretView,
    description: 'A new secret, shown only here; the old one also signs deliveries until `previousSecretValidUntil`.',
  })
  rotateSecret(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<RotatedSecretView> {
    return this.webhooks.rotateSecret(actor, id);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({
    type: cursorPageView(WebhookDeliveryView, 'WebhookDeliveryPageView'),
    description: 'The endpoint’s delivery log, newest first, with every attempt.',
  })
  deliveries(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Query() page: IdPageQuery,
  ): Promise<CursorPage<WebhookDeliveryView>> {
    return this.webhooks.deliveryLog(actor, id, page);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: WebhookDeliveryView, description: 'Queued again: same event id and body.' })
  replay(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('deliveryId', parseUuid('deliveryId')) deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return this.webhooks.replay(actor, id, deliveryId);
  }
}
