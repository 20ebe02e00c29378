import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { mayOperateQueues, type CallerContext } from '@liaison/domain';
import { fieldError, forbidden, InvalidInputException } from '@liaison/platform';
import { QUEUE_NAMES } from '../queues/queue-names';
import type { QueueOperationView } from './queue-operations.view';

type Operation = 'retried' | 'cleaned';

/**
 * What the read-only queue board leaves to these routes: retrying a queue's failed jobs (once the cause is
 * fixed) and removing them, by platform admins, each audited in the system stream. The audit entry and the
 * queue change go together: if Redis refuses, the entry is rolled back.
 */
@Injectable()
export class QueueOperationsService {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

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
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
