import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { CLOCK, type Clock } from '../clock/clock';
import { DeadlineFiring } from '../deadlines/deadline-firing';
import { DeadlineReminding } from '../deadlines/deadline-reminding';
import { DeadlineSync } from '../deadlines/deadline-sync';
import {
  DEADLINES_QUEUE,
  DeadlineJob,
  type DeadlineFireJobData,
  type DeadlineRemindJobData,
} from '../queues/queue-names';
import type { JobHandler, QueueProcessor } from '../workers/queue-processor';

@Injectable()
export class DeadlineProcessor implements QueueProcessor {
  readonly queue = DEADLINES_QUEUE;
  readonly handlers: Record<string, JobHandler>;

  constructor(
    private readonly sync: DeadlineSync,
    private readonly firing: DeadlineFiring,
    private readonly reminding: DeadlineReminding,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handlers = {
      [DeadlineJob.Sync]: (job) => sync.sync(job.data),
      [DeadlineJob.Fire]: (job, token) => this.fire(job, token),
      [DeadlineJob.Remind]: (job, token) => this.remind(job, token),
    };
  }

  private async remind(job: Job<DeadlineRemindJobData>, token?: string): Promise<void> {
    const result = await this.reminding.remind(job.data);
    if (result.outcome === 'early') {
      await job.moveToDelayed(Date.now() + (result.at.getTime() - this.clock.now().getTime()), token);
      throw new DelayedError();
    }
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
