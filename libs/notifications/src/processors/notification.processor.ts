import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { NOTIFICATIONS_QUEUE, NotificationJob, type NotificationJobName } from '../queues/queue-names';
import { WelcomeNotice } from './welcome-notice';

/** Thin: routes each job name to exactly one use case. */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationProcessor extends WorkerHost {
  private readonly handlers: Record<NotificationJobName, (data: never) => Promise<void>>;

  constructor(welcome: WelcomeNotice) {
    super();
    this.handlers = { [NotificationJob.Welcome]: (data) => welcome.send(data) };
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as NotificationJobName];
    if (!handler) throw new Error(`No handler for job "${job.name}" on queue ${NOTIFICATIONS_QUEUE}`);
    await handler(job.data as never);
  }
}
