import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { LIAISON_CONFIG, type LiaisonConfig, REDIS_CLIENT, sha256Hex } from '@liaison/platform';

/**
 * Counts sign-in attempts per login name in Redis (shared by every api replica). Each attempt takes its place in the
 * count atomically before its password is checked, so however many arrive at once, at most `maxFailures` of them are
 * checked before the name is locked for `lockoutSeconds`; after a few failures each answer is slowed down. A right
 * password clears the count. Names that do not exist are counted the same way, so the answers never reveal whether
 * an account exists.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  /** Takes the attempt's place in the count, or throws when the name is locked (without counting it). */
  async claimAttempt(email: string): Promise<LoginAttempt> {
    const { maxFailures, lockoutSeconds } = this.config.login;
    const [attempt, ttl] = (await this.redis.eval(CLAIM_ATTEMPT, 1, this.key(email), maxFailures, lockoutSeconds)) as [
      number,
      number,
    ];
    if (attempt > maxFailures) throw new AccountLockedException(Math.max(ttl, 1));
    return { attempt };
  }

  /** Waits the slow-down the failed attempt has earned; its place in the count stays taken. */
  async failed({ attempt }: LoginAttempt): Promise<void> {
    const { slowdownAfter, slowdownStepMs } = this.config.login;
    const delay = Math.min((attempt - slowdownAfter) * slowdownStepMs, 3000);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }

  private key(email: string): string {
    return `login-failures:${sha256Hex(email.toLowerCase())}`;
  }
}

/** An attempt that holds its place in the count: the how-manieth since the name's count was last cleared. */
export interface LoginAttempt {
  readonly attempt: number;
}

/**
 * One script, so that counting and deciding cannot interleave with another replica's attempt. The window slides with
 * each counted attempt; attempts refused while locked neither count nor extend the lock.
 */
const CLAIM_ATTEMPT = `
local attempt = redis.call('INCR', KEYS[1])
if attempt > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
else
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return { attempt, redis.call('TTL', KEYS[1]) }
`;

export class AccountLockedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed sign-in attempts. Try again later.', HttpStatus.TOO_MANY_REQUESTS);
  }
}
