import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { LIAISON_CONFIG } from './config.module';
import type { LiaisonConfig } from './liaison-config';

/** Injection token of the shared ioredis client (login throttling, health); BullMQ opens its own. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) =>
        new Redis(config.redisUrl, {
          keyPrefix: `${config.queuePrefix}:`,
          maxRetriesPerRequest: 1,
          lazyConnect: false,
        }),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisClientModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
