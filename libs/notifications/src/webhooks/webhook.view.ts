import { ApiProperty } from '@nestjs/swagger';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '@liaison/data';

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: [String] }) events!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;

  static from(endpoint: WebhookEndpoint): WebhookView {
    return {
      id: endpoint.id,
      agencyId: endpoint.agency.id,
      url: endpoint.url,
      description: endpoint.description ?? null,
      events: endpoint.events,
      active: endpoint.active,
      createdAt: endpoint.createdAt.toISOString(),
    };
  }
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ description: 'The signing secret. Shown only in this answer: store it now.' })
  secret!: string;
}

export class RotatedSecretView extends CreatedWebhookView {
  @ApiProperty({ description: 'Until then deliveries are signed with the old secret too (a second `v1=`).' })
  previousSecretValidUntil!: string;
}

export class WebhookAttemptView {
  @ApiProperty() at!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status, or null when there was no answer.' })
  status!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'timeout' }) error!: string | null;
  @ApiProperty() durationMs!: number;
}

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Liaison-Event-Id' }) eventId!: string;
  @ApiProperty({ example: 'request.approve' }) eventType!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: [WebhookAttemptView] }) attempts!: WebhookAttempt[];
  @ApiProperty({ type: String, nullable: true }) deliveredAt!: string | null;
  @ApiProperty() replays!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) body!: Record<string, unknown>;

  static from(delivery: WebhookDelivery): WebhookDeliveryView {
    return {
      id: delivery.id,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      occurredAt: delivery.occurredAt.toISOString(),
      status: delivery.status,
      attempts: delivery.attempts,
      deliveredAt: delivery.deliveredAt ? delivery.deliveredAt.toISOString() : null,
      replays: delivery.replays,
      body: delivery.body,
    };
  }
}
