import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { uuidv7 } from 'uuidv7';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { AuthSessionSchema, RefreshTokenSchema, UserSchema, type AuthSession, type User } from '@liaison/data';
import type { AuthenticationMethod } from '@liaison/domain';
import { LIAISON_CONFIG, type LiaisonConfig, MasterKeyring, sha256Hex } from '@liaison/platform';
import type { TokenPairView } from '../dto/token-pair.view';
import { sealSessionClient, type SessionClient } from '../sessions/session-client';
import { SessionRevocation } from '../sessions/session-revocation';
import type { AccessTokenClaims } from './access-token-claims';

/** How the user proved who they are: the methods in order, and when the second factor was last checked. */
export interface Authentication {
  methods: AuthenticationMethod[];
  secondFactorAt: Date | null;
}

/**
 * Starts sessions and issues their tokens: access tokens (JWT naming the session) and rotating refresh tokens
 * (opaque, stored hashed). A session ends at its absolute end however often it is refreshed, and a revoked one is
 * put on the revocation list so that its access tokens stop at once. Call it through SignInFlow, which asks for the
 * second factor first.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly audit: AuditTrail,
    private readonly keyring: MasterKeyring,
    private readonly revocation: SessionRevocation,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  /** A sign-in (`auth.login`): the session, its first refresh token and the audit entry commit together. */
  async issue(user: User, authentication: Authentication, client: SessionClient): Promise<TokenPairView> {
    const now = new Date();
    const sessionId = uuidv7();
    const key = this.keyring.current;
    return this.em.fork().transactional(async (em) => {
      const session = em.create(AuthSessionSchema, {
        id: sessionId,
        user: em.getReference(UserSchema, user.id),
        methods: authentication.methods,
        authenticatedAt: now,
        secondFactorAt: authentication.secondFactorAt,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessions.absoluteTtlSeconds * 1000),
        revokedAt: null,
        clientCiphertext: sealSessionClient(client, sessionId, key),
        clientKeyId: key.id,
      });
      await em.flush();
      await this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, agencyId: user.agency.id },
        clientRequestId: client.clientRequestId,
        data: { sessionId, methods: authentication.methods },
      });
      return this.tokensOf(em, user, session, now);
    });
  }

  /**
   * Rotates: the presented token is spent. Presenting a spent token revokes its whole session; a session past its
   * absolute end, or revoked, refreshes no more.
   */
  async rotate(refreshToken: string, client: SessionClient): Promise<TokenPairView> {
    const em = this.em.fork();
    const stored = await em.findOne(
      RefreshTokenSchema,
      { tokenHash: hashToken(refreshToken) },
      { populate: ['user', 'user.agency'] },
    );
    const now = new Date();
    if (!stored || stored.expiresAt <= now || !stored.user.active) throw invalidRefreshToken();
    if (stored.revokedAt) {
      await this.endSession(stored.user, stored.family, 'auth.refresh_replayed', client.clientRequestId);
      throw invalidRefreshToken();
    }
    const session = await em.findOne(AuthSessionSchema, { id: stored.family, user: stored.user.id });
    if (!session || session.revokedAt || session.expiresAt <= now) throw invalidRefreshToken();
    return this.em.fork().transactional(async (tx) => {
      const spent = await tx.nativeUpdate(RefreshTokenSchema, { id: stored.id, revokedAt: null }, { revokedAt: now });
      if (spent === 0) throw invalidRefreshToken(); // used concurrently by another request
      await tx.nativeUpdate(AuthSessionSchema, { id: session.id }, { lastUsedAt: now });
      await this.audit.append(tx, {
        stream: agencyStream(stored.user.agency.id),
        action: 'auth.refreshed',
        subjectType: 'user',
        subjectId: stored.user.id,
        actor: { userId: stored.user.id, agencyId: stored.user.agency.id },
        clientRequestId: client.clientRequestId,
        data: { sessionId: session.id },
      });
      return this.tokensOf(tx, stored.user, session, now);
    });
  }

  /** Logout: the session ends, its refresh tokens and its access tokens stop working. */
  async revoke(refreshToken: string, clientRequestId: string | null): Promise<void> {
    const stored = await this.em
      .fork()
      .findOne(RefreshTokenSchema, { tokenHash: hashToken(refreshToken) }, { populate: ['user', 'user.agency'] });
    if (stored) await this.endSession(stored.user, stored.family, 'auth.logout', clientRequestId);
  }

  /** Logout, or a replayed (stolen?) refresh token: the whole sign-in ends, audited in the same transaction. */
  private async endSession(user: User, sessionId: string, action: string, clientRequestId: string | null) {
    await this.em.fork().transactional(async (em) => {
      await this.revocation.revoke(em, user.id, [sessionId]);
      await this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action,
        subjectType: 'user',
        subjectId: user.id,
        actor: action === 'auth.logout' ? { userId: user.id, agencyId: user.agency.id } : null,
        clientRequestId,
        data: { sessionId },
      });
    });
    await this.revocation.announce([sessionId]);
  }

  /** A new refresh token of the session (written in `em`) and an access token; neither outlives the session. */
  private async tokensOf(em: EntityManager, user: User, session: AuthSession, now: Date): Promise<TokenPairView> {
    const sessionLeft = Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000);
    const expiresIn = Math.max(1, Math.min(this.config.jwt.accessTtlSeconds, sessionLeft));
    const claims: AccessTokenClaims = { sub: user.id, agency: user.agency.id, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshEnd = now.getTime() + this.config.jwt.refreshTtlSeconds * 1000;
    const refreshExpiresAt = new Date(Math.min(refreshEnd, session.expiresAt.getTime()));
    em.create(RefreshTokenSchema, {
      user: em.getReference(UserSchema, user.id),
      tokenHash: hashToken(refreshToken),
      family: session.id,
      expiresAt: refreshExpiresAt,
      revokedAt: null,
    });
    await em.flush();
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn,
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
    };
  }
}

function hashToken(token: string): string {
  return sha256Hex(token);
}

function invalidRefreshToken(): UnauthorizedException {
  return new UnauthorizedException('The refresh token is invalid, expired or revoked. Sign in again.');
}
