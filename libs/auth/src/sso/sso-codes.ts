import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT, sha256Hex } from '@liaison/platform';

/** What a verified sign-in at the provider left for the console to collect: ids and the factor decision only. */
export interface SsoGrant {
  userId: string;
  agencyId: string;
  /** Whether the provider's `amr`/`acr` stands for the second factor under the agency's settings. */
  secondFactorSatisfied: boolean;
  /** When the provider authenticated the user (ISO 8601). */
  authenticatedAt: string;
}

const CODE_SECONDS = 60;

/**
 * Single-use, short-lived codes that hand a verified sign-in to the console, which exchanges one by POST for the
 * token pair: no token ever travels in a URL. Kept in Redis under the code's hash; taken out as it is redeemed.
 */
@Injectable()
export class SsoCodes {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async issue(grant: SsoGrant): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(code), JSON.stringify(grant), 'EX', CODE_SECONDS);
    return code;
  }

  async redeem(code: string): Promise<SsoGrant | null> {
    const stored = await this.redis.getdel(this.key(code));
    return stored ? (JSON.parse(stored) as SsoGrant) : null;
  }

  private key(code: string): string {
    return `sso-code:${sha256Hex(code)}`;
  }
}
