import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { mayOperateQueues, type CallerContext } from '@liaison/domain';
import { fieldError, forbidden, InvalidInputException } from '@liaison/platform';
import {
  DEADLINES_QUEUE,
  EMAIL_QUEUE,
  INBOX_QUEUE,
  NOTIFICATIONS_QUEUE,
  QUEUE_NAMES,
  WEBHOOKS_QUEUE,
  type QueueName,
} from '../queues/queue-names';
import type { QueueOperationView } from './queue-operations.view';

type Operation = 'retried' | 'cleaned';

/**
 * What the read-only queue board leaves to these routes: retrying a queue's failed jobs (once the cause is
 * fixed) and removing them, by platform admins, each audited in the system stream. The audit entry and the
 * queue change go together: if Redis refuses, the entry is rolled back.
 */
@Injectable()
export class QueueOperationsService {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    @InjectQueue(NOTIFICATIONS_QUEUE) notifications: Queue,
    @InjectQueue(INBOX_QUEUE) inbox: Queue,
    @InjectQueue(EMAIL_QUEUE) email: Queue,
    @InjectQueue(WEBHOOKS_QUEUE) webhooks: Queue,
    @InjectQueue(DEADLINES_QUEUE) deadlines: Queue,
  ) {
    this.queues = { notifications, inbox, email, webhooks, deadlines };
  }

  retryFailed(caller: CallerContext, name: string): Promise<QueueOperationView> {
    return this.operate(caller, name, 'retried', async (queue) => {
      const { failed = 0 } = await queue.getJobCounts('failed');
      await queue.retryJobs({ state: 'failed' });
      return failed;
    });
  }

  cleanFailed(caller: CallerContext, name: string): Promise<QueueOperationView> {
    return this.operate(caller, name, 'cleaned', async (queue) => (await queue.clean(0, 0, 'failed')).length);
  }

  private async operate(
    { actor, clientRequestId }: CallerContext,
    name: string,
    operation: Operation,
    work: (queue: Queue) => Promise<number>,
  ): Promise<QueueOperationView> {
    if (!mayOperateQueues(actor)) throw forbidden('Only platform administrators operate the queues.');
    const queue = this.queueNamed(name);
    return this.em.fork().transactional(async (tx) => {
      const jobs = await work(queue);
      await this.audit.append(tx, {
        stream: SYSTEM_STREAM,
        action: `queue.failed_${operation}`,
        subjectType: 'queue',
        subjectId: name,
        actor,
        clientRequestId,
        data: { queue: name, jobs },
      });
      return { queue: name, jobs };
    });
  }

  private queueNamed(name: string): Queue {
    if (!(QUEUE_NAMES as readonly string[]).includes(name)) {
      throw new InvalidInputException([
        fieldError(['queue'], `queue must be one of ${QUEUE_NAMES.join(', ')}`, 'path'),
      ]);
    }
    return this.queues[name as QueueName];
  }
}
