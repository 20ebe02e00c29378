import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { AuditModule } from '@liaison/audit';
import { NotificationQueueModule } from '../queues/notification-queue.module';
import { QUEUE_NAMES } from '../queues/queue-names';
import { PlatformAdminMiddleware } from './platform-admin.middleware';
import { QueueBoardSessionController } from './queue-board-session.controller';
import { QueueOperationsController } from './queue-operations.controller';
import { QueueOperationsService } from './queue-operations.service';

const QUEUE_BOARD_ROUTE = '/admin/queues';

/**
 * bull-board over every queue, for platform admins only, read-only: jobs cannot be added, edited, retried or
 * removed there (a job added by hand would be run by the worker). Failed jobs are retried or removed through
 * `POST /v1/admin/queues/:queue/failed/retry|clean`, which are audited.
 */
@Module({
  imports: [
    NotificationQueueModule,
    AuditModule,
    // @bull-board/express 9.10.1 brings its own copy of @bull-board/api 9.10.1: same shape, distinct types.
    BullBoardModule.forRoot({
      route: QUEUE_BOARD_ROUTE,
      adapter: ExpressAdapter as never,
      middleware: PlatformAdminMiddleware,
    }),
    BullBoardModule.forFeature(
      ...QUEUE_NAMES.map((name) => ({ name, adapter: BullMQAdapter, options: { readOnlyMode: true } })),
    ),
  ],
  controllers: [QueueOperationsController, QueueBoardSessionController],
  providers: [QueueOperationsService],
})
export class QueueBoardModule {}
