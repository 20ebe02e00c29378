import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import type { User } from '@liaison/data';
import { invalidSecondFactor } from '../auth-problems';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { LoginThrottle } from '../login/login-throttle';
import { Passkeys } from './passkeys';
import { RecoveryCodes } from './recovery-codes';
import { Totp } from './totp';

/** A code the user types: from the authenticator app (`otp`) or one of their recovery codes. */
export type CodeMethod = 'otp' | 'recovery';
export const CODE_METHODS: readonly CodeMethod[] = ['otp', 'recovery'];

/**
 * Checks a typed second factor, limited like passwords: failures are counted per account in Redis (every replica
 * agrees), slowed down and then locked by the same throttle as sign-in, and audited.
 */
@Injectable()
export class SecondFactorCheck {
  constructor(
    private readonly em: EntityManager,
    private readonly totp: Totp,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly passkeys: Passkeys,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
  ) {}

  async check(user: User, method: CodeMethod, code: string, clientRequestId: string | null): Promise<void> {
    await this.limited(user, method, clientRequestId, () =>
      this.em
        .fork()
        .transactional((em) =>
          method === 'otp' ? this.totp.check(em, user, code) : this.recoveryCodes.spend(em, user.id, code),
        ),
    );
  }

  /** A passkey's answer to the ceremony's challenge. */
  async checkPasskey(
    user: User,
    ceremony: string,
    response: AuthenticationResponseJSON,
    clientRequestId: string | null,
  ): Promise<void> {
    await this.limited(user, 'passkey', clientRequestId, () =>
      this.passkeys.authenticate(user.id, ceremony, response).catch(() => false),
    );
  }

  private async limited(user: User, method: string, clientRequestId: string | null, check: () => Promise<boolean>) {
    const name = throttleName(user.id);
    const attempt = await this.throttle.claimAttempt(name);
    if (!(await check())) {
      await this.auditFailure(user, method, clientRequestId);
      await this.throttle.failed(attempt);
      throw invalidSecondFactor();
    }
    await this.throttle.reset(name);
  }

  /** An enrolment's first code: confirms the new secret and answers the first ten recovery codes. */
  async confirmEnrolment(user: User, code: string, clientRequestId: string | null): Promise<string[]> {
    const name = throttleName(user.id);
    const attempt = await this.throttle.claimAttempt(name);
    const codes = await this.em.fork().transactional(async (em) => {
      if (!(await this.totp.check(em, user, code, true))) return null;
      const issued = await this.recoveryCodes.replace(em, user.id);
      await this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action: 'auth.second_factor_enrolled',
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, agencyId: user.agency.id },
        clientRequestId,
        data: { method: 'otp', recoveryCodes: issued.length },
      });
      return issued;
    });
    if (!codes) {
      await this.auditFailure(user, 'otp', clientRequestId);
      await this.throttle.failed(attempt);
      throw invalidSecondFactor();
    }
    await this.throttle.reset(name);
    return codes;
  }

  private async auditFailure(user: User, method: string, clientRequestId: string | null): Promise<void> {
    await this.em.fork().transactional((em) =>
      this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action: 'auth.second_factor_failed',
        subjectType: 'user',
        subjectId: user.id,
        clientRequestId,
        data: { method },
      }),
    );
  }
}

/** The sign-in throttle's counter for this account's second factor, apart from its password's. */
export const throttleName = (userId: string) => `second-factor:${userId}`;
