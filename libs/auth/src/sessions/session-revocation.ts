import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuthSessionSchema, RefreshTokenSchema } from '@liaison/data';
import { RevokedSessions } from './revoked-sessions';

/**
 * Ends a user's sessions: in the caller's transaction, the sessions and their refresh tokens are revoked (with the
 * caller's audit entry); after the commit, `announce` puts them on the revocation list so that their access
 * tokens stop at once on every replica. Password change, deactivation, second-factor reset and "end all sessions"
 * go through here.
 */
@Injectable()
export class SessionRevocation {
  constructor(private readonly revoked: RevokedSessions) {}

  /** Revokes every live session of the user but `except`; answers their ids. */
  async revokeAll(em: EntityManager, userId: string, except: string | null = null): Promise<string[]> {
    const now = new Date();
    const live = await em.find(
      AuthSessionSchema,
      { user: userId, revokedAt: null, expiresAt: { $gt: now }, ...(except ? { id: { $ne: except } } : {}) },
      { fields: ['id'] },
    );
    return this.revoke(
      em,
      userId,
      live.map((session) => session.id),
    );
  }

  /** Revokes the given sessions of the user (others' are left alone); answers the ids it revoked. */
  async revoke(em: EntityManager, userId: string, sessionIds: string[]): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    const now = new Date();
    await em.nativeUpdate(
      AuthSessionSchema,
      { id: { $in: sessionIds }, user: userId, revokedAt: null },
      { revokedAt: now },
    );
    await em.nativeUpdate(
      RefreshTokenSchema,
      { family: { $in: sessionIds }, user: userId, revokedAt: null },
      { revokedAt: now },
    );
    return sessionIds;
  }

  /** After the commit: the access tokens of these sessions are refused from now on. */
  announce(sessionIds: readonly string[]): Promise<void> {
    return this.revoked.add(sessionIds);
  }
}
