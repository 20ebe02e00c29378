import type { Job } from 'bullmq';
import type { QueueName } from '../queues/queue-names';

export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/** A thin processor: for one queue, exactly one handler per job name, each calling a use case. */
export interface QueueProcessor {
  readonly queue: QueueName;
  readonly handlers: Readonly<Record<string, JobHandler>>;
}
