import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { LIAISON_CONFIG, type LiaisonConfig, REDIS_CLIENT, sha256Hex } from '@liaison/platform';

/**
 * Counts failed sign-ins per login name in Redis (shared by every api replica). After a few failures each
 * answer is slowed down; after `maxFailures` the name is locked for `lockoutSeconds`. Names that do not
 * exist are counted the same way, so the answers never reveal whether an account exists.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  async assertNotLocked(email: string): Promise<void> {
    const key = this.key(email);
    const failures = Number(await this.redis.get(key)) || 0;
    if (failures < this.config.login.maxFailures) return;
    const retryAfter = Math.max(await this.redis.ttl(key), 1);
    throw new AccountLockedException(retryAfter);
  }

  /** Records a failure and waits the slow-down it has earned. */
  async recordFailure(email: string): Promise<void> {
    const key = this.key(email);
    const [[, failures]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, this.config.login.lockoutSeconds)
      .exec()) as [[null, number], [null, number]];
    const { slowdownAfter, slowdownStepMs } = this.config.login;
    const delay = Math.min((failures - slowdownAfter) * slowdownStepMs, 3000);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }

  private key(email: string): string {
    return `login-failures:${sha256Hex(email.toLowerCase())}`;
  }
}

export class AccountLockedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed sign-in attempts. Try again later.', HttpStatus.TOO_MANY_REQUESTS);
  }
}
