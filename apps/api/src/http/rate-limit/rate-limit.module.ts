import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { SharedThrottlerStorage } from './shared-throttler-storage';

@Module({ providers: [SharedThrottlerStorage], exports: [SharedThrottlerStorage] })
class SharedThrottlerStorageModule {}

/** The general per-client rate limit (`RATE_LIMIT_PER_MINUTE`, lower where a route says so), shared by every replica. */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  imports: [SharedThrottlerStorageModule],
  inject: [LIAISON_CONFIG, SharedThrottlerStorage],
  useFactory: (config: LiaisonConfig, storage: SharedThrottlerStorage) => ({
    throttlers: [{ name: 'default', ttl: 60_000, limit: config.http.rateLimitPerMinute }],
    storage,
  }),
});
