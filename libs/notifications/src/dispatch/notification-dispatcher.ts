import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { OutboxPublisher } from '../relay/outbox-publisher';
import type { DispatchJobData } from '../queues/queue-names';
import { NoticeFanOut } from './notice-fan-out';
import { NoticeSource } from './notice-source';

/**
 * A notice queued as a dispatch job (by a relay before notices were fanned out in the relay itself): read from its
 * outbox row and fanned out the same way, in its own transaction, its jobs queued before it commits.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    private readonly em: EntityManager,
    private readonly fanOut: NoticeFanOut,
    private readonly notices: NoticeSource,
    private readonly publisher: OutboxPublisher,
  ) {}

  async dispatch({ outboxId }: DispatchJobData): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const notice = await this.notices.notice(tx, outboxId);
      if (!notice) return this.logger.warn('dispatch job dropped: it names no committed notice');
      await this.publisher.publish(await this.fanOut.fanOut(tx, [notice]));
    });
  }
}
