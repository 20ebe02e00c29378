import { Module } from '@nestjs/common';
import { QueueBoardModule } from './admin/queue-board.module';
import { NotificationsConfigModule } from './config/notifications-config.module';
import { InboxModule } from './inbox/inbox.module';
import { QueueMetrics } from './metrics/queue-metrics';
import { NotificationQueueModule } from './queues/notification-queue.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Everything the api serves of notifications: inbox, webhooks, the queue board and the queue gauges. */
@Module({
  imports: [NotificationsConfigModule, NotificationQueueModule, InboxModule, WebhooksModule, QueueBoardModule],
  providers: [QueueMetrics],
})
export class NotificationsApiModule {}
