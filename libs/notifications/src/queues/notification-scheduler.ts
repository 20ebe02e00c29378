import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NOTIFICATIONS_QUEUE, NotificationJob } from './queue-names';

@Injectable()
export class NotificationScheduler {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {}

  /** Deterministic job id: queuing the same welcome twice is a no-op. */
  async welcome(userId: string): Promise<void> {
    await this.queue.add(NotificationJob.Welcome, { userId }, { jobId: `welcome-${userId}` });
  }
}
