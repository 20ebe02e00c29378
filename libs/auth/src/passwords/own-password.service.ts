import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { UserSchema } from '@liaison/data';
import type { CallerContext } from '@liaison/domain';
import { fieldError, InvalidInputException } from '@liaison/platform';
import type { ChangePasswordDto } from '../dto/change-password.dto';
import { PasswordHasher } from '../login/password-hasher';
import { SessionRevocation } from '../sessions/session-revocation';
import { PasswordRules } from './password-rules';

/** A signed-in user changes their own password: the current one is required, and every other session ends. */
@Injectable()
export class OwnPasswordService {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly rules: PasswordRules,
    private readonly sessions: SessionRevocation,
    private readonly audit: AuditTrail,
  ) {}

  async change({ actor, clientRequestId }: CallerContext, input: ChangePasswordDto): Promise<void> {
    const sessionId = actor.sessionId ?? null;
    const user = await this.em.fork().findOneOrFail(UserSchema, actor.userId, { populate: ['passwordHash'] });
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      await this.em.fork().transactional((em) =>
        this.audit.append(em, {
          stream: agencyStream(actor.agencyId),
          action: 'auth.password_change_failed',
          subjectType: 'user',
          subjectId: actor.userId,
          actor,
          clientRequestId,
          data: { reason: 'wrong_current_password' },
        }),
      );
      throw new InvalidInputException([
        fieldError(['currentPassword'], 'currentPassword is not your current password'),
      ]);
    }
    await this.rules.assertAcceptable(input.newPassword, user, 'newPassword');
    const passwordHash = await this.hasher.hash(input.newPassword);
    const ended = await this.em.fork().transactional(async (em) => {
      await em.nativeUpdate(UserSchema, { id: actor.userId }, { passwordHash });
      const others = await this.sessions.revokeAll(em, actor.userId, sessionId);
      await this.audit.append(em, {
        stream: agencyStream(actor.agencyId),
        action: 'auth.password_changed',
        subjectType: 'user',
        subjectId: actor.userId,
        actor,
        clientRequestId,
        data: { otherSessionsEnded: others.length, keptSession: sessionId },
      });
      return others;
    });
    await this.sessions.announce(ended);
  }
}
