import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import type { QueuedJob } from '../dispatch/queued-job';
import { DEADLINES_QUEUE, EMAIL_QUEUE, WEBHOOKS_QUEUE, type QueueName } from '../queues/queue-names';

export class QueueUnavailableError extends Error {
  constructor(reason: string) {
    super(`queues unavailable: ${reason}`);
    this.name = 'QueueUnavailableError';
  }
}

/** Adds the relay's jobs, one `addBulk` (one round trip) per queue; every job has an id, so adding twice adds once. */
@Injectable()
export class OutboxPublisher {
  private readonly queues: Partial<Record<QueueName, Queue>>;

  constructor(
    @InjectQueue(EMAIL_QUEUE) email: Queue,
    @InjectQueue(WEBHOOKS_QUEUE) webhooks: Queue,
    @InjectQueue(DEADLINES_QUEUE) deadlines: Queue,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {
    this.queues = { [EMAIL_QUEUE]: email, [WEBHOOKS_QUEUE]: webhooks, [DEADLINES_QUEUE]: deadlines };
  }

  /** False while Redis is away: the relay then leaves the rows where they are instead of waiting on it. */
  async available(): Promise<boolean> {
    const statuses = Object.values(this.queues).map(async (queue) => {
      const client = (await queue.getBackend().client) as unknown as { status?: string };
      return client.status === 'ready';
    });
    return withTimeout(Promise.all(statuses), 1000).then(
      (ready) => ready.every(Boolean),
      () => false,
    );
  }

  async publish(jobs: QueuedJob[]): Promise<void> {
    const byQueue = new Map<QueueName, QueuedJob[]>();
    for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
    const adds = [...byQueue].map(([name, queued]) => this.queue(name).addBulk(queued));
    await withTimeout(Promise.all(adds), this.config.relay.publishTimeoutMs);
  }

  private queue(name: QueueName): Queue {
    const queue = this.queues[name];
    if (!queue) throw new Error(`The relay does not publish to the queue ${name}`);
    return queue;
  }
}

/** A queue add waits for Redis forever (commands are kept until it returns): give up after `ms`. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
