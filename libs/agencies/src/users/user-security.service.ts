import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { SecondFactorRemoval, SessionRevocation } from '@liaison/auth';
import { UserSchema, type User } from '@liaison/data';
import { mayAdministerUsersOf, type Actor, type CallerContext } from '@liaison/domain';
import { accountNotice, Outbox } from '@liaison/notifications';

/**
 * An administrator's hold on a user's sign-in: resetting their second factor (audited, the user told by e-mail
 * through the outbox, their sessions ended) and ending all their sessions. Other agencies see nothing: 404.
 */
@Injectable()
export class UserSecurityService {
  constructor(
    private readonly em: EntityManager,
    private readonly removal: SecondFactorRemoval,
    private readonly revocation: SessionRevocation,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  async resetSecondFactor({ actor, clientRequestId }: CallerContext, agencyId: string, userId: string) {
    const ended = await this.em.fork().transactional(async (em) => {
      const user = await this.find(em, actor, agencyId, userId);
      const removed = await this.removal.removeAll(em, user.id);
      const sessions = await this.revocation.revokeAll(em, user.id);
      await this.outbox.add(em, [accountNotice(user.id, 'second_factor_reset')]);
      await this.audit.append(em, {
        stream: agencyStream(agencyId),
        action: 'user.second_factor_reset',
        subjectType: 'user',
        subjectId: user.id,
        actor,
        clientRequestId,
        data: { ...removed, sessionsEnded: sessions.length },
      });
      return sessions;
    });
    await this.revocation.announce(ended);
  }

  async endSessions({ actor, clientRequestId }: CallerContext, agencyId: string, userId: string) {
    const ended = await this.em.fork().transactional(async (em) => {
      const user = await this.find(em, actor, agencyId, userId);
      const sessions = await this.revocation.revokeAll(em, user.id);
      await this.audit.append(em, {
        stream: agencyStream(agencyId),
        action: 'user.sessions_ended',
        subjectType: 'user',
        subjectId: user.id,
        actor,
        clientRequestId,
        data: { sessionsEnded: sessions.length },
      });
      return sessions;
    });
    await this.revocation.announce(ended);
  }

  /** Foreign agencies get 404; own non-admins 403; a user of the agency, or 404. */
  private async find(em: EntityManager, actor: Actor, agencyId: string, userId: string): Promise<User> {
    if (!mayAdministerUsersOf(actor, agencyId)) {
      if (actor.agencyId !== agencyId) throw new NotFoundException('Agency not found');
      throw new ForbiddenException('Only the agency ADMIN manages its users');
    }
    const user = await em.findOne(UserSchema, { id: userId, agency: agencyId });
    if (!user) throw new NotFoundException('User not found');
    return user;
  }
}
