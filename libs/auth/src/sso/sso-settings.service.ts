import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { AgencySchema, AgencySignOnSchema, UserSchema, type AgencySignOn } from '@liaison/data';
import { mayConfigureSingleSignOn, type Actor, type CallerContext } from '@liaison/domain';
import { fieldError, InvalidInputException, MasterKeyring } from '@liaison/platform';
import { openClientSecret, sealClientSecret } from './client-secret-box';
import { IdentityProviders, IssuerRefused } from './identity-providers';
import { identityProviderUnreachable, ssoNotProven } from './sso-problems';
import type { SsoSettingsDto } from './sso-settings.dto';
import { SsoSettingsView } from './sso-settings.view';

/**
 * An agency's identity provider, set by its own ADMINs; other agencies see nothing (404). Saving discovers the
 * provider first, so that settings which cannot work are refused with the reason; the change and its audit entry
 * (never the secret) commit together.
 */
@Injectable()
export class SsoSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    private readonly keyring: MasterKeyring,
    private readonly providers: IdentityProviders,
  ) {}

  async get(actor: Actor, agencyId: string): Promise<SsoSettingsView> {
    assertConfigures(actor, agencyId);
    const row = await this.em.fork().findOne(AgencySignOnSchema, { agency: agencyId });
    return SsoSettingsView.from(agencyId, this.providers.callbackUrl(agencyId), row);
  }

  async put(
    { actor, clientRequestId }: CallerContext,
    agencyId: string,
    input: SsoSettingsDto,
  ): Promise<SsoSettingsView> {
    assertConfigures(actor, agencyId);
    const existing = await this.em
      .fork()
      .findOne(AgencySignOnSchema, { agency: agencyId }, { populate: ['clientSecretCiphertext'] });
    const clientSecret = input.clientSecret ?? (existing ? this.storedSecret(existing) : null);
    if (clientSecret === null) {
      throw new InvalidInputException([fieldError(['clientSecret'], 'clientSecret is required the first time')]);
    }
    await this.assertProviderWorks(agencyId, input.issuer, input.clientId, clientSecret);
    const sameProvider =
      existing?.issuer === input.issuer && existing.clientId === input.clientId && input.clientSecret === undefined;
    const provenAt = sameProvider ? (existing.provenAt ?? null) : null;
    const enabled = input.enabled ?? true;
    const passwordSignIn = input.passwordSignIn ?? true;
    if (!passwordSignIn && (!enabled || !provenAt)) throw ssoNotProven();
    const key = this.keyring.current;
    const values = {
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretCiphertext: sealClientSecret(clientSecret, agencyId, key),
      clientSecretKeyId: key.id,
      emailClaim: input.emailClaim ?? 'email',
      acceptedAmr: input.acceptedAmr ?? [],
      acceptedAcr: input.acceptedAcr ?? [],
      enabled,
      passwordSignIn,
      provenAt,
      updatedBy: actor.userId,
    };
    const saved = await this.em.fork().transactional(async (em) => {
      const row = existing
        ? em.assign(em.merge(existing), values)
        : em.create(AgencySignOnSchema, { ...values, agency: em.getReference(AgencySchema, agencyId) });
      row.updatedBy = em.getReference(UserSchema, actor.userId);
      await em.flush();
      await this.audit.append(em, {
        stream: agencyStream(agencyId),
        action: existing ? 'sso.updated' : 'sso.configured',
        subjectType: 'agency',
        subjectId: agencyId,
        actor,
        clientRequestId,
        data: {
          issuer: values.issuer,
          clientId: values.clientId,
          clientSecretChanged: input.clientSecret !== undefined,
          emailClaim: values.emailClaim,
          acceptedAmr: values.acceptedAmr,
          acceptedAcr: values.acceptedAcr,
          enabled,
          passwordSignIn,
        },
      });
      return row;
    });
    return SsoSettingsView.from(agencyId, this.providers.callbackUrl(agencyId), saved);
  }

  private storedSecret(row: AgencySignOn): string {
    return openClientSecret(
      Buffer.from(row.clientSecretCiphertext),
      agencyId(row),
      row.clientSecretKeyId,
      this.keyring,
    );
  }

  private async assertProviderWorks(agencyId: string, issuer: string, clientId: string, clientSecret: string) {
    try {
      this.providers.assertIssuerScheme(issuer);
    } catch (error) {
      if (error instanceof IssuerRefused) throw new InvalidInputException([fieldError(['issuer'], error.message)]);
      throw error;
    }
    await this.providers.discover({ agencyId, issuer, clientId, clientSecret }).catch((error: unknown) => {
      throw error instanceof IssuerRefused ? identityProviderUnreachable(error.message) : error;
    });
  }
}

function agencyId(row: AgencySignOn): string {
  return row.agency.id;
}

/** Another agency's settings do not exist for the caller (404); their own agency's other roles get 403. */
function assertConfigures(actor: Actor, agencyId: string): void {
  if (mayConfigureSingleSignOn(actor, agencyId)) return;
  if (actor.agencyId !== agencyId) throw new NotFoundException('Agency not found');
  throw new ForbiddenException('This action needs one of the roles: ADMIN');
}
