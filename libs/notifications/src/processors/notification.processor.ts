import { Injectable } from '@nestjs/common';
import { NotificationDispatcher } from '../dispatch/notification-dispatcher';
import { NOTIFICATIONS_QUEUE, NotificationJob } from '../queues/queue-names';
import type { JobHandler, QueueProcessor } from '../workers/queue-processor';
import { WelcomeNotice } from './welcome-notice';

@Injectable()
export class NotificationProcessor implements QueueProcessor {
  readonly queue = NOTIFICATIONS_QUEUE;
  readonly handlers: Record<string, JobHandler>;

  constructor(welcome: WelcomeNotice, dispatcher: NotificationDispatcher) {
    this.handlers = {
      [NotificationJob.Welcome]: (job) => welcome.send(job.data),
      [NotificationJob.Dispatch]: (job) => dispatcher.dispatch(job.data),
    };
  }
}
