import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { uuidv7 } from 'uuidv7';
import { RefreshTokenSchema, UserSchema, type User } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import type { TokenPairDto } from '../dto/token-pair.dto';
import type { AccessTokenClaims } from './access-token-claims';

/** Issues access tokens (JWT) and rotating refresh tokens (opaque, stored hashed). */
@Injectable()
export class TokenService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  async issue(user: User, family: string = uuidv7()): Promise<TokenPairDto> {
    const claims: AccessTokenClaims = { sub: user.id, agency: user.agency.id };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000);
    const em = this.em.fork();
    em.create(RefreshTokenSchema, {
      user: em.getReference(UserSchema, user.id),
      tokenHash: hashToken(refreshToken),
      family,
      expiresAt: refreshExpiresAt,
      revokedAt: null,
    });
    await em.flush();
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.jwt.accessTtlSeconds,
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
    };
  }

  /** Rotates: the presented token is spent. Presenting a spent token revokes its whole family. */
  async rotate(refreshToken: string): Promise<TokenPairDto> {
    const em = this.em.fork();
    const stored = await em.findOne(
      RefreshTokenSchema,
      { tokenHash: hashToken(refreshToken) },
      { populate: ['user', 'user.agency'] },
    );
    if (!stored || stored.expiresAt <= new Date() || !stored.user.active) throw invalidRefreshToken();
    if (stored.revokedAt) {
      await this.revokeFamily(stored.family);
      throw invalidRefreshToken();
    }
    const spent = await em.nativeUpdate(
      RefreshTokenSchema,
      { id: stored.id, revokedAt: null },
      { revokedAt: new Date() },
    );
    if (spent === 0) throw invalidRefreshToken(); // used concurrently by another request
    return this.issue(stored.user, stored.family);
  }

  /** Logout: the token and every token rotated from the same sign-in stop working. */
  async revoke(refreshToken: string): Promise<void> {
    const stored = await this.em.fork().findOne(RefreshTokenSchema, { tokenHash: hashToken(refreshToken) });
    if (stored) await this.revokeFamily(stored.family);
  }

  private async revokeFamily(family: string): Promise<void> {
    await this.em.fork().nativeUpdate(RefreshTokenSchema, { family, revokedAt: null }, { revokedAt: new Date() });
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function invalidRefreshToken(): UnauthorizedException {
  return new UnauthorizedException('The refresh token is invalid, expired or revoked. Sign in again.');
}
