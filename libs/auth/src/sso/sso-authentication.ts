import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import * as openid from 'openid-client';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { AgencySchema, AgencySignOnSchema, UserSchema, type User } from '@liaison/data';
import { idpSatisfiesSecondFactor } from '@liaison/domain';
import { sha256Hex } from '@liaison/platform';
import { IdentityProviders } from './identity-providers';
import { SignOnSettings, type ActiveSignOn } from './sign-on-settings';
import { SsoCodes, type SsoGrant } from './sso-codes';
import { failureOf, type SsoFailure } from './sso-failure';
import { SsoFlows } from './sso-flows';
import { runStrategy, SsoStrategy } from './sso-strategy';

/** Where the browser goes next, and the cookie it gets on the way. */
export interface BrowserStep {
  location: string;
  cookie: string | null;
}

/** A refusal of the verify step: who it was about, if anyone (for the trail). */
interface Refusal {
  reason: SsoFailure;
  user?: User;
  email?: string;
}

type TokenResponse = openid.TokenEndpointResponse & openid.TokenEndpointResponseHelpers;

/**
 * The browser's part of single sign-on: the redirect to the agency's provider (authorization code flow with PKCE,
 * `state` and `nonce`, through openid-client's passport strategy) and the provider's answer, checked in full (state,
 * code exchange, ID token signature, issuer, audience, expiry and nonce). A user must already exist in the agency;
 * roles stay Liaison's. Success leaves a single-use code for the console; every refusal is audited and sent back
 * to the console's sign-in page with its reason.
 */
@Injectable()
export class SsoAuthentication {
  private readonly logger = new Logger(SsoAuthentication.name);

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    private readonly settings: SignOnSettings,
    private readonly providers: IdentityProviders,
    private readonly flows: SsoFlows,
    private readonly codes: SsoCodes,
  ) {}

  async start(req: Request, agencyId: string): Promise<BrowserStep> {
    await this.assertAgencyExists(agencyId);
    const signOn = await this.settings.active(agencyId);
    if (!signOn) return this.toConsole({ error: 'not_configured' });
    const strategy = await this.strategy(signOn).catch(() => null);
    if (!strategy) return this.toConsole({ error: 'provider_unreachable' });
    this.flows.prepare(req);
    const outcome = await runStrategy(strategy, req);
    if (outcome.kind !== 'redirect') {
      this.logger.warn({ err: outcome.kind === 'error' ? outcome.error : undefined }, 'sso start failed');
      return this.toConsole({ error: 'provider_error' });
    }
    return { location: outcome.url, cookie: await this.flows.save(req, agencyId) };
  }

  async callback(req: Request, agencyId: string, clientRequestId: string | null): Promise<BrowserStep> {
    const refuse = async (refusal: Refusal) => {
      await this.recordRefusal(agencyId, refusal, clientRequestId);
      return { ...this.toConsole({ error: refusal.reason }), cookie: this.flows.clearCookie() };
    };
    await this.assertAgencyExists(agencyId);
    const signOn = await this.settings.active(agencyId);
    if (!signOn) return refuse({ reason: 'not_configured' });
    const strategy = await this.strategy(signOn).catch(() => null);
    if (!strategy) return refuse({ reason: 'provider_unreachable' });
    if (!(await this.flows.resume(req, agencyId))) return refuse({ reason: 'no_attempt' });
    const outcome = await runStrategy(strategy, req);
    if (outcome.kind === 'error') return refuse({ reason: failureOf(outcome.error) });
    if (outcome.kind === 'fail') return refuse(refusalOf(outcome.info));
    if (outcome.kind !== 'success') return refuse({ reason: 'provider_error' });
    const grant = outcome.user as SsoGrant;
    await this.recordSuccess(grant, clientRequestId);
    return { ...this.toConsole({ code: await this.codes.issue(grant) }), cookie: this.flows.clearCookie() };
  }

  /** A made-up agency id is 404, as everywhere; an agency without a provider is sent back with the reason. */
  private async assertAgencyExists(agencyId: string): Promise<void> {
    if (!(await this.em.fork().count(AgencySchema, { id: agencyId }))) throw new NotFoundException('Agency not found');
  }

  private async strategy(signOn: ActiveSignOn): Promise<SsoStrategy> {
    const configuration = await this.providers.configuration(signOn.client);
    const callbackUrl = this.providers.callbackUrl(signOn.client.agencyId);
    return new SsoStrategy(configuration, callbackUrl, (tokens, done) => {
      this.verify(configuration, signOn, tokens).then(
        (result) => ('reason' in result ? done(null, false, result) : done(null, result)),
        (error: unknown) => done(error),
      );
    });
  }

  /** The provider's word checked (by openid-client); now: is this a user of the agency, and may they sign in? */
  private async verify(
    configuration: openid.Configuration,
    signOn: ActiveSignOn,
    tokens: TokenResponse,
  ): Promise<SsoGrant | Refusal> {
    const claims = tokens.claims();
    if (!claims) return { reason: 'provider_error' };
    const found = await this.emailOf(configuration, signOn.emailClaim, tokens, claims);
    if ('reason' in found) return found;
    const email = found.email.trim().toLowerCase();
    const user = await this.em.fork().findOne(UserSchema, { email }, { populate: ['agency'] });
    // a provider speaks for its own agency only: someone of another agency is as unknown as no one
    if (!user || user.agency.id !== signOn.client.agencyId) return { reason: 'unknown_user', email };
    if (!user.active) return { reason: 'inactive_user', user };
    return {
      userId: user.id,
      agencyId: user.agency.id,
      secondFactorSatisfied: idpSatisfiesSecondFactor(signOn.policy, { amr: claims.amr, acr: claims.acr }),
      authenticatedAt: new Date(
        (typeof claims.auth_time === 'number' ? claims.auth_time : claims.iat) * 1000,
      ).toISOString(),
    };
  }

  /** From the ID token, else from the userinfo endpoint; refused when the provider says it is not verified. */
  private async emailOf(
    configuration: openid.Configuration,
    claim: string,
    tokens: TokenResponse,
    claims: openid.IDToken,
  ): Promise<{ email: string } | Refusal> {
    let source: Record<string, unknown> = claims;
    if (typeof claims[claim] !== 'string') {
      source = await openid.fetchUserInfo(configuration, tokens.access_token, claims.sub).catch(() => ({}));
    }
    const email = source[claim];
    if (typeof email !== 'string' || !email.includes('@')) return { reason: 'email_missing' };
    if (source['email_verified'] === false) return { reason: 'email_unverified', email };
    return { email };
  }

  private toConsole(fragment: { code: string } | { error: SsoFailure }): BrowserStep {
    const hash = new URLSearchParams(fragment).toString();
    return { location: `${this.providers.consoleUrl()}/sign-in/sso#${hash}`, cookie: null };
  }

  /** The sign-in is the user's; the settings are proven to work, which lets password sign-in be switched off. */
  private async recordSuccess(grant: SsoGrant, clientRequestId: string | null): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      await em.nativeUpdate(AgencySignOnSchema, { agency: grant.agencyId, provenAt: null }, { provenAt: new Date() });
      await this.audit.append(em, {
        stream: agencyStream(grant.agencyId),
        action: 'auth.sso_verified',
        subjectType: 'user',
        subjectId: grant.userId,
        actor: { userId: grant.userId, agencyId: grant.agencyId },
        clientRequestId,
        data: { secondFactorSatisfied: grant.secondFactorSatisfied },
      });
    });
  }

  /** Nothing changes, so the entry has a transaction of its own; an e-mail address only as its hash. */
  private async recordRefusal(agencyId: string, refusal: Refusal, clientRequestId: string | null): Promise<void> {
    const subject = refusal.user
      ? { subjectType: 'user', subjectId: refusal.user.id }
      : refusal.email
        ? { subjectType: 'login', subjectId: sha256Hex(refusal.email) }
        : { subjectType: 'agency', subjectId: agencyId };
    await this.em.fork().transactional((em) =>
      this.audit.append(em, {
        stream: agencyStream(agencyId),
        action: 'auth.sso_failed',
        ...subject,
        clientRequestId,
        data: { reason: refusal.reason },
      }),
    );
  }
}

/** A fail of the strategy: ours (a refusal from verify), or openid-client's own (the provider said access_denied). */
function refusalOf(info: unknown): Refusal {
  if (info && typeof info === 'object' && 'reason' in info) return info as Refusal;
  return { reason: 'provider_refused' };
}
