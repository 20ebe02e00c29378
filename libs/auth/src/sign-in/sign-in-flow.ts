import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { PasskeyCredentialSchema, TotpCredentialSchema, UserSchema, type User } from '@liaison/data';
import { needsSecondFactor } from '@liaison/domain';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { invalidChallenge } from '../auth-problems';
import type { SecondFactorChallengeView } from '../dto/second-factor.view';
import type { TokenPairView } from '../dto/token-pair.view';
import type { SessionClient } from '../sessions/session-client';
import { TokenService, type Authentication } from '../tokens/token.service';
import {
  CHALLENGE_TTL_SECONDS,
  ChallengeTokens,
  type ChallengeClaims,
  type ChallengePurpose,
} from './challenge-tokens';

export type SignInAnswer = TokenPairView | SecondFactorChallengeView;

/**
 * The one way into a session. After the first factor (password, or a single sign-on that gave no second factor)
 * a user who needs a second factor gets a challenge, not tokens: `verify` when they have one, `enrol` when they
 * must enrol one first. Only exempt accounts under SECOND_FACTOR_EXEMPTIONS=1 (never in production) skip it.
 */
@Injectable()
export class SignInFlow {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly challenges: ChallengeTokens,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  async proceed(user: User, authentication: Authentication, client: SessionClient): Promise<SignInAnswer> {
    if (authentication.secondFactorAt || !this.secondFactorDue(user)) {
      return this.tokens.issue(user, authentication, client);
    }
    const methods = await this.factorsOf(user.id);
    const purpose: ChallengePurpose = methods.length ? 'verify' : 'enrol';
    return {
      challenge: purpose,
      challengeToken: await this.challenges.issue(user.id, purpose, authentication.methods),
      expiresIn: CHALLENGE_TTL_SECONDS,
      methods: methods.length ? [...methods, 'recovery'] : ['otp'],
    };
  }

  /** Whether this account must give a second factor (exempt ones only while exemptions are honoured). */
  secondFactorDue(user: Pick<User, 'roles' | 'platformAdmin' | 'secondFactorExempt'>): boolean {
    if (this.config.sessions.secondFactorExemptions && user.secondFactorExempt) return false;
    return needsSecondFactor(user);
  }

  /** The challenge's user, still active; the challenge is not spent yet. */
  async userOf(claims: ChallengeClaims): Promise<User> {
    const user = await this.em.fork().findOne(UserSchema, { id: claims.sub, active: true }, { populate: ['agency'] });
    if (!user) throw invalidChallenge();
    return user;
  }

  /** The challenge answered with `method`: it is spent, and the session starts. */
  async complete(
    user: User,
    claims: ChallengeClaims,
    method: Authentication['methods'][number],
    client: SessionClient,
  ): Promise<TokenPairView> {
    await this.challenges.spend(claims);
    return this.tokens.issue(user, { methods: [...claims.methods, method], secondFactorAt: new Date() }, client);
  }

  /** The second factors the user has enrolled (recovery codes come with them). */
  async factorsOf(userId: string): Promise<Array<'otp' | 'passkey'>> {
    const em = this.em.fork();
    const totp = await em.count(TotpCredentialSchema, { user: userId, confirmedAt: { $ne: null } });
    const passkeys = await em.count(PasskeyCredentialSchema, { user: userId });
    return [...(totp ? (['otp'] as const) : []), ...(passkeys ? (['passkey'] as const) : [])];
  }
}
