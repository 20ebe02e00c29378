import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { CLOCK, type Clock } from '../clock/clock';
import { DeadlineFiring } from '../deadlines/deadline-firing';
import { DeadlineSync } from '../deadlines/deadline-sync';
import { DEADLINES_QUEUE, DeadlineJob, type DeadlineFireJobData } from '../queues/queue-names';
import type { JobHandler, QueueProcessor } from '../workers/queue-processor';

@Injectable()
export class DeadlineProcessor implements QueueProcessor {
  readonly queue = DEADLINES_QUEUE;
  readonly handlers: Record<string, JobHandler>;

  constructor(
    private readonly sync: DeadlineSync,
    private readonly firing: DeadlineFiring,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handlers = {
      [DeadlineJob.Sync]: (job) => sync.sync(job.data),
      [DeadlineJob.Fire]: (job, token) => this.fire(job, token),
    };
  }

  private async fire(job: Job<DeadlineFireJobData>, token?: string): Promise<void> {
    const result = await this.firing.fire(job.data);
    if (result.outcome === 'out_of_sync') await this.sync.sync({ requestId: result.requestId });
    if (result.outcome === 'early') {
      // Woken before its time by this worker's clock: back to the delayed set until then.
      await job.moveToDelayed(Date.now() + (result.dueAt.getTime() - this.clock.now().getTime()), token);
      throw new DelayedError();
    }
  }
}
