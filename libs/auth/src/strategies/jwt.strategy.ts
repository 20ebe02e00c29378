import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { UserSchema } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import type { AccessTokenClaims } from '../tokens/access-token-claims';

/** Bearer JWT → {@link Actor}. The user is re-read so deactivation and role changes apply at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly em: EntityManager,
    @Inject(LIAISON_CONFIG) config: LiaisonConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.secret,
      issuer: config.jwt.issuer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    const user = await this.em.fork().findOne(UserSchema, claims.sub, {
      fields: ['id', 'agency', 'roles', 'platformAdmin', 'active'],
    });
    if (!user?.active) throw new UnauthorizedException('The account is no longer active.');
    return { userId: user.id, agencyId: user.agency.id, roles: user.roles, platformAdmin: user.platformAdmin };
  }
}
