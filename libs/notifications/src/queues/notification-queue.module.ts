import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueConnectionModule } from './queue-connection.module';
import { NotificationScheduler } from './notification-scheduler';
import { NOTIFICATIONS_QUEUE } from './queue-names';

/** Producer side: lets any module queue notifications. Holds no processor, so the api runs no jobs. */
@Module({
  imports: [QueueConnectionModule, BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })],
  providers: [NotificationScheduler],
  exports: [NotificationScheduler, BullModule],
})
export class NotificationQueueModule {}
