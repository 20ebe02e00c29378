import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { agencyStream, AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { UserSchema, type User } from '@liaison/data';
import { sha256Hex } from '@liaison/platform';
import { PasswordSignIn } from '../sso/password-sign-in';
import { AccountLockedException, LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

/** Checks a login name and password; the same answer, in the same time, for unknown names. */
@Injectable()
export class CredentialsVerifier {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
    private readonly passwordSignIn: PasswordSignIn,
  ) {}

  async verify(email: string, password: string, clientRequestId: string | null = null): Promise<User> {
    const login = email.trim().toLowerCase();
    const user = await this.em.fork().findOne(UserSchema, { email: login }, { populate: ['agency', 'passwordHash'] });
    await this.throttle.assertNotLocked(login).catch(async (error: unknown) => {
      if (error instanceof AccountLockedException) await this.auditFailure(login, user, 'locked', clientRequestId);
      throw error;
    });
    const valid = user?.active ? await this.hasher.verify(user.passwordHash, password) : await this.decoy(password);
    if (!user || !valid) {
      const reason = !user ? 'unknown_account' : user.active ? 'wrong_password' : 'inactive_account';
      await this.auditFailure(login, user, reason, clientRequestId);
      await this.throttle.recordFailure(login);
      throw new UnauthorizedException('Invalid e-mail or password.');
    }
    await this.throttle.reset(login);
    if (await this.passwordSignIn.isOff(user.agency.id)) {
      await this.auditFailure(login, user, 'password_sign_in_off', clientRequestId);
      this.passwordSignIn.refuse();
    }
    return user;
  }

  /**
   * A failed sign-in changes nothing, so its entry has a transaction of its own. Known accounts go to their agency's
   * stream; unknown names to the system stream, as a hash (an e-mail address is personal data).
   */
  private async auditFailure(login: string, user: User | null, reason: string, clientRequestId: string | null) {
    await this.em.fork().transactional((em) =>
      this.audit.append(em, {
        stream: user ? agencyStream(user.agency.id) : SYSTEM_STREAM,
        action: 'auth.login_failed',
        subjectType: user ? 'user' : 'login',
        subjectId: user ? user.id : sha256Hex(login),
        clientRequestId,
        data: { reason },
      }),
    );
  }

  private async decoy(password: string): Promise<false> {
    await this.hasher.verifyDecoy(password);
    return false;
  }
}
