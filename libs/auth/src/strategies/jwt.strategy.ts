import { createSecretKey } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { isUUID } from 'class-validator';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { runSql } from '@liaison/data';
import type { Actor, Role } from '@liaison/domain';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { RevokedSessions } from '../sessions/revoked-sessions';
import type { AccessTokenClaims } from '../tokens/access-token-claims';
import { signedInUserSql } from './signed-in-user.sql';
import { liveSessionSql } from '../sessions/live-session.sql';

interface SignedInUser {
  id: string;
  agencyId: string;
  roles: Role[];
  platformAdmin: boolean;
  active: boolean;
}

/**
 * Bearer JWT → {@link Actor}. The user is re-read so deactivation and role changes apply at once, and the session
 * looked up in the revocation list (in PostgreSQL while Redis is away) so that logout and revocation do too.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly em: EntityManager,
    private readonly revoked: RevokedSessions,
    @Inject(LIAISON_CONFIG) config: LiaisonConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given the string, jsonwebtoken would first try (and fail) to parse it as a public
      // key, then make a secret key, on every request. jsonwebtoken takes KeyObjects; the typings say string/Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret)) as unknown as Buffer,
      issuer: config.jwt.issuer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    // only a holder of the key could sign another `sub`; still a 401, not a database error
    if (!isUUID(claims.sub) || !isUUID(claims.sid)) throw new UnauthorizedException('Invalid token.');
    // one raw statement and one Redis look-up, side by side: this runs before every authenticated request
    const [[user], revoked] = await Promise.all([
      runSql<SignedInUser>(this.em, signedInUserSql(claims.sub)),
      this.revoked.isRevoked(claims.sid),
    ]);
    if (revoked ?? !(await this.liveInDatabase(claims.sub, claims.sid))) {
      throw new UnauthorizedException('The session has ended. Sign in again.');
    }
    if (!user?.active) throw new UnauthorizedException('The account is no longer active.');
    return {
      userId: user.id,
      agencyId: user.agencyId,
      roles: user.roles,
      platformAdmin: user.platformAdmin,
      sessionId: claims.sid,
    };
  }

  /** While Redis is away: the session as committed, so that a revoked one stays refused and the others work on. */
  private async liveInDatabase(userId: string, sessionId: string): Promise<boolean> {
    const [row] = await runSql<{ live: boolean }>(this.em, liveSessionSql(userId, sessionId));
    return row?.live === true;
  }
}
