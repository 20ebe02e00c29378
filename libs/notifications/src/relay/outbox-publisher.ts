import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { DEADLINES_QUEUE, NOTIFICATIONS_QUEUE, type QueueName } from '../queues/queue-names';
import type { OutboxRow } from './outbox-row';
import { routeOf } from './outbox-routes';

export class QueueUnavailableError extends Error {
  constructor(reason: string) {
    super(`queues unavailable: ${reason}`);
    this.name = 'QueueUnavailableError';
  }
}

/** Puts outbox rows into their queues with job id = outbox id, so pushing a row twice queues it once. */
@Injectable()
export class OutboxPublisher {
  private readonly queues: Record<string, Queue>;

  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) notifications: Queue,
    @InjectQueue(DEADLINES_QUEUE) deadlines: Queue,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {
    this.queues = { [NOTIFICATIONS_QUEUE]: notifications, [DEADLINES_QUEUE]: deadlines };
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

  async publish(rows: OutboxRow[]): Promise<void> {
    const adds = rows.flatMap((row) => {
      const route = routeOf(row);
      return route ? [this.queue(route.queue).add(route.name, route.data, { jobId: row.id })] : [];
    });
    await withTimeout(Promise.all(adds), this.config.relay.publishTimeoutMs);
  }

  private queue(name: QueueName): Queue {
    return this.queues[name];
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
