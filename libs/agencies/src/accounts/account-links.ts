import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AccountLinkSchema, type AccountLink, type AccountLinkPurpose, type User } from '@liaison/data';
import { ACCOUNT_LINK_TOPIC, Outbox } from '@liaison/notifications';
import { LIAISON_CONFIG, MasterKeyring, sha256Hex, type LiaisonConfig } from '@liaison/platform';
import { createAccountLink, RESET_LINK_MINUTES, spendAccountLinks } from './account-link-token';

/**
 * Invitation and reset links sent by e-mail: the link and its outbox row are written in the caller's transaction,
 * and the worker builds the e-mail from the committed row (docs/accounts.md).
 */
@Injectable()
export class AccountLinks {
  constructor(
    private readonly keyring: MasterKeyring,
    private readonly outbox: Outbox,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  async send(em: EntityManager, user: User, purpose: AccountLinkPurpose): Promise<AccountLink> {
    const lifetimeMs =
      purpose === 'invitation' ? this.config.invitationTtlHours * 3_600_000 : RESET_LINK_MINUTES * 60_000;
    const { link } = await createAccountLink(em, user, {
      purpose,
      expiresAt: new Date(Date.now() + lifetimeMs),
      sealWith: this.keyring.current,
    });
    await this.outbox.add(em, [{ topic: ACCOUNT_LINK_TOPIC, payload: { linkId: link.id } }]);
    return link;
  }

  /** The live link a token opens (with its user and agency), or null: unknown, used, replaced or past its time. */
  findLive(em: EntityManager, token: string): Promise<AccountLink | null> {
    return em.findOne(
      AccountLinkSchema,
      { tokenHash: sha256Hex(token), spentAt: null, expiresAt: { $gt: new Date() } },
      { populate: ['user', 'user.agency'] },
    );
  }

  /** Spends the link if it is still live; false when another request was first or its time ran out meanwhile. */
  async spend(em: EntityManager, link: AccountLink): Promise<boolean> {
    const spent = await em.nativeUpdate(
      AccountLinkSchema,
      { id: link.id, spentAt: null, expiresAt: { $gt: new Date() } },
      { spentAt: new Date(), tokenSealed: null, tokenKeyId: null },
    );
    if (spent === 0) return false;
    await spendAccountLinks(em, link.user.id);
    return true;
  }

  /** The user's latest live link, to hold back a second reset e-mail within a minute. */
  latestLive(em: EntityManager, userId: string): Promise<AccountLink | null> {
    return em.findOne(
      AccountLinkSchema,
      { user: userId, spentAt: null, expiresAt: { $gt: new Date() } },
      { orderBy: { createdAt: 'desc' } },
    );
  }
}
