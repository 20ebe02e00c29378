import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccountLinkSchema } from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { MailTransport } from '../email/mail-transport';
import type { AccountLinkJobData } from '../queues/queue-names';
import { accountLinkPath } from './account-link-path';
import { openAccountLinkToken } from './account-link-box';
import { accountLinkText } from './account-link-text';

/**
 * The e-mail of an invitation or reset link. The job names the link only: the token is opened from its row, the
 * address read from its user, and a link used, replaced or past its time sends nothing.
 */
@Injectable()
export class AccountLinkEmails {
  private readonly logger = new Logger(AccountLinkEmails.name);

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailTransport,
    private readonly keyring: MasterKeyring,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** Whether an e-mail went out. */
  async send({ linkId }: AccountLinkJobData): Promise<boolean> {
    if (!this.mail.enabled) {
      this.logger.warn({ linkId }, 'e-mail is off: an account link was not sent');
      return false;
    }
    const link = await this.em
      .fork()
      .findOne(
        AccountLinkSchema,
        { id: linkId, spentAt: null, expiresAt: { $gt: new Date() }, tokenSealed: { $ne: null } },
        { populate: ['tokenSealed', 'user', 'user.agency'] },
      );
    if (!link?.tokenSealed || !link.tokenKeyId || !link.user.active) return false;
    const token = openAccountLinkToken(Buffer.from(link.tokenSealed), link.id, link.tokenKeyId, this.keyring);
    const url = `${this.config.publicUrl}${accountLinkPath(link.purpose, token)}`;
    const { subject, text } = accountLinkText(
      link.purpose,
      { displayName: link.user.displayName, agencyName: link.user.agency.name },
      url,
      link.expiresAt,
    );
    await this.mail.send({
      id: `account-link-${link.id}`,
      to: link.user.email,
      subject,
      text,
      headers: { 'X-Liaison-Event': `account.${link.purpose}` },
    });
    return true;
  }
}
