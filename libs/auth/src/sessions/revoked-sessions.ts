import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { LIAISON_CONFIG, type LiaisonConfig, REDIS_CLIENT } from '@liaison/platform';

/**
 * The revocation list every api replica reads before it accepts an access token: a revoked session's id stays
 * listed for as long as an access token of it may live, so logout, revocation and a second-factor reset take
 * effect at once rather than when the token expires.
 */
@Injectable()
export class RevokedSessions {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  async add(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    // a minute beyond the token lifetime covers clocks a little apart between replicas
    const seconds = this.config.jwt.accessTtlSeconds + 60;
    const batch = this.redis.multi();
    for (const id of sessionIds) batch.set(this.key(id), '1', 'EX', seconds);
    await batch.exec();
  }

  /**
   * Whether the session is listed as revoked; `null` when Redis cannot answer, and the caller must then ask
   * PostgreSQL, where every revocation is committed before it is listed here.
   */
  async isRevoked(sessionId: string): Promise<boolean | null> {
    if (this.redis.status !== 'ready') return null; // not queued behind a reconnect: every request would wait
    try {
      return (await this.redis.exists(this.key(sessionId))) === 1;
    } catch {
      return null;
    }
  }

  private key(sessionId: string): string {
    return `revoked-session:${sessionId}`; // the client adds QUEUE_PREFIX
  }
}
