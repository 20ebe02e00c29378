import { Module } from '@nestjs/common';
import { InboxWriter } from '../inbox/inbox-writer';
import { NotificationQueueModule } from '../queues/notification-queue.module';
import { NotificationProcessor } from './notification.processor';
import { WelcomeNotice } from './welcome-notice';

/** Consumer side, for the worker only: importing it starts BullMQ workers. */
@Module({
  imports: [NotificationQueueModule],
  providers: [InboxWriter, WelcomeNotice, NotificationProcessor],
})
export class NotificationProcessorsModule {}
