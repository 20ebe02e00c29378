import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AgencySignOnSchema, type AgencySignOn } from '@liaison/data';
import type { IdpSecondFactorPolicy } from '@liaison/domain';
import { MasterKeyring } from '@liaison/platform';
import { openClientSecret } from './client-secret-box';
import type { ProviderClient } from './identity-providers';

/** An agency's provider as a sign-in needs it: the client (secret in clear, in memory only) and the claim rules. */
export interface ActiveSignOn {
  client: ProviderClient;
  emailClaim: string;
  policy: IdpSecondFactorPolicy;
}

/** Reads the agencies' sign-on settings for the sign-in routes. */
@Injectable()
export class SignOnSettings {
  constructor(
    private readonly em: EntityManager,
    private readonly keyring: MasterKeyring,
  ) {}

  /** The agency's provider if single sign-on is on for it, else null (unknown agency included). */
  async active(agencyId: string): Promise<ActiveSignOn | null> {
    const row = await this.em
      .fork()
      .findOne(AgencySignOnSchema, { agency: agencyId, enabled: true }, { populate: ['clientSecretCiphertext'] });
    return row ? this.toActive(row) : null;
  }

  private toActive(row: AgencySignOn): ActiveSignOn {
    const agencyId = row.agency.id;
    return {
      client: {
        agencyId,
        issuer: row.issuer,
        clientId: row.clientId,
        clientSecret: openClientSecret(
          Buffer.from(row.clientSecretCiphertext),
          agencyId,
          row.clientSecretKeyId,
          this.keyring,
        ),
        version: row.updatedAt.toISOString(),
      },
      emailClaim: row.emailClaim,
      policy: { acceptedAmr: row.acceptedAmr, acceptedAcr: row.acceptedAcr },
    };
  }
}
