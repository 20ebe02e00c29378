import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { UserSchema } from '@liaison/data';
import type { SessionClient } from '../sessions/session-client';
import { SignInFlow, type SignInAnswer } from '../sign-in/sign-in-flow';
import { SsoCodes, type SsoGrant } from './sso-codes';
import { ssoCodeInvalid } from './sso-problems';

/**
 * How a user signed in through the agency's provider, as the session start records it: `sso`, and `idp-mfa` when
 * the provider's `amr`/`acr` stands for the second factor under the agency's settings (else the second factor is
 * still to be asked by Liaison).
 */
export interface SsoSignInMethods {
  methods: ('sso' | 'idp-mfa')[];
  secondFactorSatisfied: boolean;
  authenticatedAt: string;
}

export function ssoSignInMethods(grant: SsoGrant): SsoSignInMethods {
  return {
    methods: grant.secondFactorSatisfied ? ['sso', 'idp-mfa'] : ['sso'],
    secondFactorSatisfied: grant.secondFactorSatisfied,
    authenticatedAt: grant.authenticatedAt,
  };
}

/** The console's exchange of a single-use code for the token pair: the one place single sign-on starts a session. */
@Injectable()
export class SsoSignIn {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    private readonly codes: SsoCodes,
    private readonly signIn: SignInFlow,
  ) {}

  async exchange(code: string, client: SessionClient): Promise<SignInAnswer> {
    const grant = await this.codes.redeem(code);
    if (!grant) throw ssoCodeInvalid();
    const user = await this.em.fork().findOne(UserSchema, grant.userId, { populate: ['agency'] });
    if (!user?.active || user.agency.id !== grant.agencyId) throw ssoCodeInvalid();
    const signedInWith = ssoSignInMethods(grant);
    await this.em.fork().transactional((em) =>
      this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action: 'auth.sso_code_redeemed',
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, agencyId: user.agency.id },
        clientRequestId: client.clientRequestId,
        data: { ...signedInWith },
      }),
    );
    // the provider's second factor counts only where the agency said so; otherwise Liaison asks for its own
    const secondFactorAt = signedInWith.secondFactorSatisfied ? new Date(signedInWith.authenticatedAt) : null;
    return this.signIn.proceed(user, { methods: ['sso'], secondFactorAt }, client);
  }
}
