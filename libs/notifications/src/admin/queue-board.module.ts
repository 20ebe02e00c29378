import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { NotificationQueueModule } from '../queues/notification-queue.module';
import { QUEUE_NAMES } from '../queues/queue-names';
import { PlatformAdminMiddleware } from './platform-admin.middleware';

const QUEUE_BOARD_ROUTE = '/admin/queues';

/** bull-board over every queue (failed jobs can be inspected and retried there), for platform admins only. */
@Module({
  imports: [
    NotificationQueueModule,
    // @bull-board/express 9.10.1 brings its own copy of @bull-board/api 9.10.1: same shape, distinct types.
    BullBoardModule.forRoot({
      route: QUEUE_BOARD_ROUTE,
      adapter: ExpressAdapter as never,
      middleware: PlatformAdminMiddleware,
    }),
    BullBoardModule.forFeature(...QUEUE_NAMES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueBoardModule {}
