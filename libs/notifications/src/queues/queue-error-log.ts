import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DEADLINES_QUEUE, EMAIL_QUEUE, INBOX_QUEUE, WEBHOOKS_QUEUE } from './queue-names';

/** Redis outages are reported in the structured log, once per failed attempt, not on the console. */
@Injectable()
export class QueueErrorLog implements OnModuleInit {
  private readonly logger = new Logger(QueueErrorLog.name);
  private readonly queues: Queue[];

  constructor(
    @InjectQueue(INBOX_QUEUE) inbox: Queue,
    @InjectQueue(EMAIL_QUEUE) email: Queue,
    @InjectQueue(WEBHOOKS_QUEUE) webhooks: Queue,
    @InjectQueue(DEADLINES_QUEUE) deadlines: Queue,
  ) {
    this.queues = [inbox, email, webhooks, deadlines]; // notifications: NotificationScheduler listens already
  }

  onModuleInit(): void {
    for (const queue of this.queues) {
      queue.on('error', (error) => this.logger.warn({ err: error, queue: queue.name }, 'queue cannot reach Redis'));
    }
  }
}
