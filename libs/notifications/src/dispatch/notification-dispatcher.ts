import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxPublisher } from '../relay/outbox-publisher';
import type { DispatchJobData } from '../queues/queue-names';
import { NoticeFanOut } from './notice-fan-out';

/**
 * A notice queued as a dispatch job (by a relay before notices were fanned out in the relay itself): fanned out the
 * same way, in its own transaction, its jobs queued before it commits.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly em: EntityManager,
    private readonly fanOut: NoticeFanOut,
    private readonly publisher: OutboxPublisher,
  ) {}

  async dispatch({ notice }: DispatchJobData): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      await this.publisher.publish(await this.fanOut.fanOut(tx, [notice]));
    });
  }
}
