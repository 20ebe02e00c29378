import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NOTIFICATIONS_QUEUE, NotificationJob } from './queue-names';

@Injectable()
export class NotificationScheduler implements OnModuleInit {
  private readonly logger = new Logger(NotificationScheduler.name);

  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {}

  /** Redis outages are reported once per failed attempt in the structured log, not on the console. */
  onModuleInit(): void {
    this.queue.on('error', (error) => this.logger.warn({ err: error }, 'notifications queue cannot reach Redis'));
  }

  /** Deterministic job id: queuing the same welcome twice is a no-op. */
  async welcome(userId: string): Promise<void> {
    await this.queue.add(NotificationJob.Welcome, { userId }, { jobId: `welcome-${userId}` });
  }
}
