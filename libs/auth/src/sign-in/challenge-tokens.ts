import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Redis } from 'ioredis';
import type { AuthenticationMethod } from '@liaison/domain';
import { LIAISON_CONFIG, type LiaisonConfig, REDIS_CLIENT } from '@liaison/platform';
import { invalidChallenge } from '../auth-problems';

/** `verify`: the user has a second factor to give; `enrol`: they must enrol one before they get tokens. */
export type ChallengePurpose = 'verify' | 'enrol';

export const CHALLENGE_TTL_SECONDS = 300;

export interface ChallengeClaims {
  sub: string;
  purpose: ChallengePurpose;
  /** What the user has proved so far (their password). */
  methods: AuthenticationMethod[];
  jti: string;
}

/**
 * What sign-in answers instead of tokens while a second factor is due: a JWT for five minutes, signed with a key
 * of its own derived from JWT_SECRET (so it can never pass as an access token), for one purpose, spent (its id
 * kept in Redis until it expires) when the factor is given.
 */
@Injectable()
export class ChallengeTokens {
  private readonly secret: Buffer;

  constructor(
    private readonly jwt: JwtService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {
    this.secret = createHmac('sha256', config.jwt.secret).update('liaison/second-factor-challenge/v1').digest();
  }

  issue(userId: string, purpose: ChallengePurpose, methods: AuthenticationMethod[]): Promise<string> {
    const claims: ChallengeClaims = { sub: userId, purpose, methods, jti: randomUUID() };
    return this.jwt.signAsync(claims, {
      secret: this.secret,
      expiresIn: CHALLENGE_TTL_SECONDS,
      issuer: this.config.jwt.issuer,
      algorithm: 'HS256',
    });
  }

  async read(token: string, purpose: ChallengePurpose): Promise<ChallengeClaims> {
    const claims = await this.jwt
      .verifyAsync<ChallengeClaims>(token, {
        secret: this.secret,
        issuer: this.config.jwt.issuer,
        algorithms: ['HS256'],
      })
      .catch(() => null);
    if (!claims || claims.purpose !== purpose || (await this.redis.exists(this.key(claims.jti)))) {
      throw invalidChallenge();
    }
    return claims;
  }

  /** Once: a second call with the same challenge fails, even when both raced past `read`. */
  async spend(claims: ChallengeClaims): Promise<void> {
    const first = await this.redis.set(this.key(claims.jti), '1', 'EX', CHALLENGE_TTL_SECONDS + 60, 'NX');
    if (first !== 'OK') throw invalidChallenge();
  }

  private key(jti: string): string {
    return `spent-challenge:${jti}`;
  }
}
