import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DeadlineSchema } from '@liaison/data';
import { CLOCK, type Clock } from '../clock/clock';
import { DEADLINES_QUEUE, DeadlineJob, type DeadlineFireJobData } from '../queues/queue-names';

export interface ArmedDeadline {
  id: string;
  dueAt: Date;
}

/** One job per deadline and due time: a resumed or restarted clock gets a new job, the old one finds it stale. */
export const fireJobId = (deadline: ArmedDeadline) => `deadline-${deadline.id}-${deadline.dueAt.getTime()}`;

/**
 * Keeps a delayed job in Redis for every pending deadline. The table is the truth: `reconcile` (at start and
 * periodically) re-arms what Redis lost and brings forward jobs whose time has come by the worker's clock.
 */
@Injectable()
export class DeadlineArming {
  private readonly logger = new Logger(DeadlineArming.name);

  constructor(
    private readonly em: EntityManager,
    @InjectQueue(DEADLINES_QUEUE) private readonly queue: Queue<DeadlineFireJobData>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async arm(deadline: ArmedDeadline): Promise<void> {
    const delay = Math.max(0, deadline.dueAt.getTime() - this.clock.now().getTime());
    await this.queue.add(
      DeadlineJob.Fire,
      { deadlineId: deadline.id, dueAt: deadline.dueAt.toISOString() },
      { jobId: fireJobId(deadline), delay },
    );
  }

  /** Best effort: a job left behind finds its deadline paused or stopped and does nothing. */
  async disarm(deadline: ArmedDeadline): Promise<void> {
    await this.queue.remove(fireJobId(deadline)).catch(() => 0);
  }

  async reconcile(): Promise<number> {
    const pending = await this.em
      .fork()
      .find(
        DeadlineSchema,
        { status: 'pending', stoppedAt: null },
        { fields: ['id', 'dueAt'], orderBy: { dueAt: 'asc' } },
      );
    let rearmed = 0;
    for (const deadline of pending) if (await this.reconcileOne(deadline)) rearmed += 1;
    if (rearmed > 0) this.logger.log({ rearmed }, 'deadline jobs re-armed');
    return rearmed;
  }

  private async reconcileOne(deadline: ArmedDeadline): Promise<boolean> {
    const job: Job | undefined = await this.queue.getJob(fireJobId(deadline));
    const due = deadline.dueAt.getTime() <= this.clock.now().getTime();
    if (!job) {
      await this.arm(deadline);
      return true;
    }
    const state = await job.getState();
    if (state === 'delayed' && due) await job.promote();
    if (state === 'completed' || state === 'failed') {
      await job.remove();
      await this.arm(deadline);
      return true;
    }
    return false;
  }
}
