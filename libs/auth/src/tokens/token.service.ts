import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { uuidv7 } from 'uuidv7';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { RefreshTokenSchema, UserSchema, type User } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig, sha256Hex } from '@liaison/platform';
import type { TokenPairView } from '../dto/token-pair.view';
import type { AccessTokenClaims } from './access-token-claims';

/** Issues access tokens (JWT) and rotating refresh tokens (opaque, stored hashed). */
@Injectable()
export class TokenService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly audit: AuditTrail,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  /** A sign-in (`auth.login`) or a rotation (`auth.refreshed`): the new refresh token and its audit entry commit together. */
  async issue(
    user: User,
    clientRequestId: string | null,
    family: string = uuidv7(),
    rotated = false,
  ): Promise<TokenPairView> {
    const claims: AccessTokenClaims = { sub: user.id, agency: user.agency.id, sid: family };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000);
    await this.em.fork().transactional(async (em) => {
      em.create(RefreshTokenSchema, {
        user: em.getReference(UserSchema, user.id),
        tokenHash: hashToken(refreshToken),
        family,
        expiresAt: refreshExpiresAt,
        revokedAt: null,
      });
      await em.flush();
      await this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action: rotated ? 'auth.refreshed' : 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, agencyId: user.agency.id },
        clientRequestId,
        data: { sessionId: family },
      });
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.jwt.accessTtlSeconds,
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
    };
  }

  /** Rotates: the presented token is spent. Presenting a spent token revokes its whole family. */
  async rotate(refreshToken: string, clientRequestId: string | null): Promise<TokenPairView> {
    const em = this.em.fork();
    const stored = await em.findOne(
      RefreshTokenSchema,
      { tokenHash: hashToken(refreshToken) },
      { populate: ['user', 'user.agency'] },
    );
    if (!stored || stored.expiresAt <= new Date() || !stored.user.active) throw invalidRefreshToken();
    if (stored.revokedAt) {
      await this.revokeFamily(stored.user, stored.family, 'auth.refresh_replayed', clientRequestId);
      throw invalidRefreshToken();
    }
    const spent = await em.nativeUpdate(
      RefreshTokenSchema,
      { id: stored.id, revokedAt: null },
      { revokedAt: new Date() },
    );
    if (spent === 0) throw invalidRefreshToken(); // used concurrently by another request
    return this.issue(stored.user, clientRequestId, stored.family, true);
  }

  /** Logout: the token and every token rotated from the same sign-in stop working. */
  async revoke(refreshToken: string, clientRequestId: string | null): Promise<void> {
    const stored = await this.em
      .fork()
      .findOne(RefreshTokenSchema, { tokenHash: hashToken(refreshToken) }, { populate: ['user', 'user.agency'] });
    if (stored) await this.revokeFamily(stored.user, stored.family, 'auth.logout', clientRequestId);
  }

  /** Logout, or a replayed (stolen?) refresh token: the whole sign-in ends, audited in the same transaction. */
  private async revokeFamily(
    user: User,
    family: string,
    action: string,
    clientRequestId: string | null,
  ): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      await em.nativeUpdate(RefreshTokenSchema, { family, revokedAt: null }, { revokedAt: new Date() });
      await this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action,
        subjectType: 'user',
        subjectId: user.id,
        actor: action === 'auth.logout' ? { userId: user.id, agencyId: user.agency.id } : null,
        clientRequestId,
        data: { sessionId: family },
      });
    });
  }
}

function hashToken(token: string): string {
  return sha256Hex(token);
}

function invalidRefreshToken(): UnauthorizedException {
  return new UnauthorizedException('The refresh token is invalid, expired or revoked. Sign in again.');
}
