import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { agencyStream, AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { UserSchema, type User } from '@liaison/data';
import { sha256Hex } from '@liaison/platform';
import { PasswordSignIn } from '../sso/password-sign-in';
import { AccountLockedException, LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

/** Where a sign-in comes from: its HTTP request's id and the client's address (as TRUST_PROXY lets it be read). */
export interface SignInOrigin {
  clientRequestId: string | null;
  clientAddress: string | null;
}

const NO_ORIGIN: SignInOrigin = { clientRequestId: null, clientAddress: null };

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

  async verify(email: string, password: string, origin: SignInOrigin = NO_ORIGIN): Promise<User> {
    const login = email.trim().toLowerCase();
    const user = await this.em.fork().findOne(UserSchema, { email: login }, { populate: ['agency', 'passwordHash'] });
    const attempt = await this.throttle.claimAttempt(login).catch(async (error: unknown) => {
      if (error instanceof AccountLockedException) await this.auditFailure(login, user, 'locked', origin);
      throw error;
    });
    const valid = user?.active ? await this.hasher.verify(user.passwordHash, password) : await this.decoy(password);
    if (!user || !valid) {
      const reason = !user ? 'unknown_account' : user.active ? 'wrong_password' : 'inactive_account';
      await this.auditFailure(login, user, reason, origin);
      await this.throttle.failed(attempt);
      throw new UnauthorizedException('Invalid e-mail or password.');
    }
    await this.throttle.reset(login);
    if (await this.passwordSignIn.isOff(user.agency.id)) {
      await this.auditFailure(login, user, 'password_sign_in_off', origin);
      this.passwordSignIn.refuse();
    }
    return user;
  }

  /**
   * A failed sign-in changes nothing, so its entry has a transaction of its own. Known accounts go to their agency's
   * stream; unknown names to the system stream, as a hash (an e-mail address is personal data). The client's address
   * is what an investigation of guessing starts from.
   */
  private async auditFailure(login: string, user: User | null, reason: string, origin: SignInOrigin) {
    await this.em.fork().transactional((em) =>
      this.audit.append(em, {
        stream: user ? agencyStream(user.agency.id) : SYSTEM_STREAM,
        action: 'auth.login_failed',
        subjectType: user ? 'user' : 'login',
        subjectId: user ? user.id : sha256Hex(login),
        clientRequestId: origin.clientRequestId,
        data: { reason, clientAddress: origin.clientAddress },
      }),
    );
  }

  private async decoy(password: string): Promise<false> {
    await this.hasher.verifyDecoy(password);
    return false;
  }
}
