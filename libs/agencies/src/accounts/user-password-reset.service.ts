import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { SessionRevocation } from '@liaison/auth';
import { AccountLinkSchema, UserSchema } from '@liaison/data';
import type { CallerContext } from '@liaison/domain';
import { userInactive } from '../agencies-problems';
import { assertAdministersUsers } from '../users/user-administration';
import { AccountLinks } from './account-links';
import type { PasswordResetIssuedView } from './dto/password-reset-issued.view';

/**
 * An administrator resets a user's password: it stops working at once, every session ends, and the user gets a
 * link to choose a new one (a new invitation if they never accepted theirs). The administrator never sets one.
 */
@Injectable()
export class UserPasswordResetService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: AccountLinks,
    private readonly sessions: SessionRevocation,
    private readonly audit: AuditTrail,
  ) {}

  async reset(
    { actor, clientRequestId }: CallerContext,
    agencyId: string,
    userId: string,
  ): Promise<PasswordResetIssuedView> {
    assertAdministersUsers(actor, agencyId);
    const { answer, ended } = await this.em.fork().transactional(async (em) => {
      const user = await em.findOne(UserSchema, { id: userId, agency: agencyId }, { populate: ['agency'] });
      if (!user) throw new NotFoundException('User not found');
      if (!user.active) throw userInactive();
      const accepted = await em.count(AccountLinkSchema, {
        user: user.id,
        purpose: 'invitation',
        spentAt: { $ne: null },
      });
      const hadPassword = (await em.count(UserSchema, { id: user.id, passwordHash: { $ne: null } })) > 0;
      const sent: PasswordResetIssuedView['sent'] = hadPassword || accepted > 0 ? 'admin_reset' : 'invitation';
      await em.nativeUpdate(UserSchema, { id: user.id }, { passwordHash: null });
      const sessions = await this.sessions.revokeAll(em, user.id);
      const sessionsEnded = sessions.length;
      const link = await this.links.send(em, user, sent);
      await this.audit.append(em, {
        stream: agencyStream(agencyId),
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: user.id,
        actor,
        clientRequestId,
        data: { sent, linkId: link.id, sessionsEnded },
      });
      return { answer: { sent, expiresAt: link.expiresAt.toISOString(), sessionsEnded }, ended: sessions };
    });
    await this.sessions.announce(ended);
    return answer;
  }
}
