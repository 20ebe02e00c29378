import type { JobsOptions } from 'bullmq';
import type { QueueName } from '../queues/queue-names';

/** A job to add, with its queue: the relay adds a batch's jobs with one `addBulk` per queue. */
export interface QueuedJob {
  queue: QueueName;
  name: string;
  data: object;
  opts: JobsOptions & { jobId: string };
}
