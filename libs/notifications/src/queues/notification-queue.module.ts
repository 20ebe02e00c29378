import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { NotificationsConfigModule } from '../config/notifications-config.module';
import { QueueConnectionModule } from './queue-connection.module';
import { NotificationScheduler } from './notification-scheduler';
import { QueueErrorLog } from './queue-error-log';
import { QUEUE_NAMES } from './queue-names';

/** Producer side: every queue, for whoever adds jobs (relay, api). Holds no processor, so the api runs no jobs. */
@Module({
  imports: [
    QueueConnectionModule,
    NotificationsConfigModule,
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
  ],
  providers: [NotificationScheduler, QueueErrorLog],
  exports: [NotificationScheduler, BullModule],
})
export class NotificationQueueModule {}
