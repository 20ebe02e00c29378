import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DeadlineSchema } from '@liaison/data';
import { CLOCK, type Clock } from '../clock/clock';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import {
  DEADLINES_QUEUE,
  DeadlineJob,
  type DeadlineFireJobData,
  type DeadlineRemindJobData,
} from '../queues/queue-names';

export interface ArmedDeadline {
  id: string;
  /** The timer, which chooses its reminders. */
  kind: string;
  dueAt: Date;
}

/** One job per deadline and due time: a resumed or restarted clock gets a new job, the old one finds it stale. */
export const fireJobId = (deadline: Pick<ArmedDeadline, 'id' | 'dueAt'>) =>
  `deadline-${deadline.id}-${deadline.dueAt.getTime()}`;
export const remindJobId = (deadline: Pick<ArmedDeadline, 'id' | 'dueAt'>, beforeMs: number) =>
  `deadline-${deadline.id}-${deadline.dueAt.getTime()}-reminder-${beforeMs}`;

/**
 * Keeps a delayed job in Redis for every pending deadline. The table is the truth: `reconcile` (at start and
 * periodically) re-arms what Redis lost and brings forward jobs whose time has come by the worker's clock.
 */
@Injectable()
export class DeadlineArming {
  private readonly logger = new Logger(DeadlineArming.name);

  constructor(
    private readonly em: EntityManager,
    @InjectQueue(DEADLINES_QUEUE) private readonly queue: Queue<DeadlineFireJobData | DeadlineRemindJobData>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** The deadline's job at its due time, and one per reminder still ahead (`DEADLINE_REMINDERS`). */
  async arm(deadline: ArmedDeadline): Promise<void> {
    const now = this.clock.now().getTime();
    const dueAt = deadline.dueAt.toISOString();
    await this.queue.add(
      DeadlineJob.Fire,
      { deadlineId: deadline.id, dueAt },
      { jobId: fireJobId(deadline), delay: Math.max(0, deadline.dueAt.getTime() - now) },
    );
    const ahead = this.remindersOf(deadline).filter((beforeMs) => deadline.dueAt.getTime() - beforeMs > now);
    await Promise.all(
      ahead.map((beforeMs) =>
        this.queue.add(
          DeadlineJob.Remind,
          { deadlineId: deadline.id, dueAt, beforeMs },
          { jobId: remindJobId(deadline, beforeMs), delay: deadline.dueAt.getTime() - beforeMs - now },
        ),
      ),
    );
  }

  /** Best effort: a job left behind finds its deadline paused or stopped and does nothing. */
  async disarm(deadline: ArmedDeadline): Promise<void> {
    const ids = [fireJobId(deadline), ...this.remindersOf(deadline).map((beforeMs) => remindJobId(deadline, beforeMs))];
    await Promise.all(ids.map((id) => this.queue.remove(id).catch(() => 0)));
  }

  remindersOf(deadline: Pick<ArmedDeadline, 'kind'>): readonly number[] {
    const { reminders } = this.config.deadlines;
    return reminders.timers[deadline.kind] ?? reminders.all;
  }

  async reconcile(): Promise<number> {
    const pending = await this.em
      .fork()
      .find(
        DeadlineSchema,
        { status: 'pending', stoppedAt: null },
        { fields: ['id', 'kind', 'dueAt'], orderBy: { dueAt: 'asc' } },
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
