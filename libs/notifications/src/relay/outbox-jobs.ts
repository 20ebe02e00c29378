import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NoticeFanOut } from '../dispatch/notice-fan-out';
import type { QueuedJob } from '../dispatch/queued-job';
import { DEADLINES_QUEUE, DeadlineJob, EMAIL_QUEUE, EmailJob, type Notice } from '../queues/queue-names';
import type { OutboxRow } from './outbox-row';
import { routeOf } from './outbox-routes';

/**
 * The jobs a batch of outbox rows becomes, in the relay's transaction: notices are fanned out at once (inbox
 * entries written, e-mail and webhook jobs answered), so a webhook is one queue hop from its commit; a timer row
 * becomes a deadline sync job whose id is the row's id, an account link's row an e-mail job whose id is the link's, an
 * account notice one e-mail job.
 */
@Injectable()
export class OutboxJobs {
  constructor(private readonly fanOut: NoticeFanOut) {}

  async of(tx: EntityManager, rows: OutboxRow[]): Promise<QueuedJob[]> {
    const notices: Notice[] = [];
    const jobs: QueuedJob[] = [];
    for (const row of rows) {
      const route = routeOf(row);
      if (route && 'notice' in route) notices.push(route.notice);
      else if (route && 'accountLink' in route) {
        const { linkId } = route.accountLink;
        jobs.push({ queue: EMAIL_QUEUE, name: EmailJob.AccountLink, data: route.accountLink, opts: { jobId: linkId } });
      } else if (route && 'accountNotice' in route) {
        jobs.push({ queue: EMAIL_QUEUE, name: EmailJob.Account, data: route.accountNotice, opts: { jobId: row.id } });
      } else if (route) {
        jobs.push({
          queue: DEADLINES_QUEUE,
          name: DeadlineJob.Sync,
          data: route.deadlineSync,
          opts: { jobId: row.id },
        });
      }
    }
    return [...jobs, ...(await this.fanOut.fanOut(tx, notices))];
  }
}
