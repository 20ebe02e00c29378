import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';

/** Kept jobs: enough to see recent outcomes and to deduplicate by job id within the window. */
const JOB_RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 50_000 },
};

/** The one BullMQ connection configuration used by the api (producers) and the worker (processors). */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) => ({
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: config.queuePrefix,
        defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, ...JOB_RETENTION },
      }),
    }),
  ],
  exports: [BullModule],
})
export class QueueConnectionModule {}
