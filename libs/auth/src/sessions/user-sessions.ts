import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RefreshTokenSchema } from '@liaison/data';

/**
 * Ends a user's sessions, in the caller's transaction: after a password change every other one, after a reset or a
 * deactivation all of them. Today a session is a family of refresh tokens: revoking them ends it when its access
 * token (at most JWT_ACCESS_TTL_SECONDS old) expires.
 */
@Injectable()
export class UserSessions {
  /** How many refresh tokens it revoked. */
  async end(em: EntityManager, userId: string, options: { except?: string | null } = {}): Promise<number> {
    return em.nativeUpdate(
      RefreshTokenSchema,
      {
        user: userId,
        revokedAt: null,
        ...(options.except ? { family: { $ne: options.except } } : {}),
      },
      { revokedAt: new Date() },
    );
  }
}
