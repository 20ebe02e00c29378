import { Module } from '@nestjs/common';
import { AuditModule } from '@liaison/audit';
import { MASTER_KEYRING_PROVIDER } from '@liaison/platform';
import { NotificationQueueModule } from '../queues/notification-queue.module';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookDestinationsModule } from './webhook-destinations.module';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** /v1/webhooks: partner endpoints of the caller's agency, their secrets, delivery log and replays (agency ADMINs). */
@Module({
  imports: [AuditModule, NotificationQueueModule, WebhookDestinationsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveries, WebhookSecrets, MASTER_KEYRING_PROVIDER],
})
export class WebhooksModule {}
