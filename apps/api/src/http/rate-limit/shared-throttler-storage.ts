import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Redis } from 'ioredis';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';

type Increment = ThrottlerStorage['increment'];

/**
 * The general rate limit's counts, in Redis under the platform's key prefix, so every api replica counts each client
 * once. Redis failing must not take the api down with it (the write path works without Redis): while it does not
 * answer, each process counts by itself, as before the limit was shared.
 */
@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(SharedThrottlerStorage.name);
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private alone = false;

  constructor(@Inject(LIAISON_CONFIG) config: LiaisonConfig) {
    // a client of its own that fails at once while disconnected, instead of holding every request until it is back
    this.redis = new Redis(config.redisUrl, {
      keyPrefix: `${config.queuePrefix}:rate-limit:`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
    });
    this.redis.on('error', () => undefined); // reported once per outage below, not per reconnection attempt
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  increment: Increment = async (...hit) => {
    try {
      const record = await this.shared.increment(...hit);
      if (this.alone) this.logger.log('rate limit shared again through Redis');
      this.alone = false;
      return record;
    } catch (error: unknown) {
      if (!this.alone) this.logger.warn({ err: error }, 'Redis unavailable: rate limit counted by this process alone');
      this.alone = true;
      return this.local.increment(...hit);
    }
  };

  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
