import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { agencyStream, AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { PasswordHasher, PasswordRules, SessionRevocation } from '@liaison/auth';
import { UserSchema, type AccountLink } from '@liaison/data';
import { sha256Hex } from '@liaison/platform';
import { linkUnusable } from '../agencies-problems';
import { AccountLinks } from './account-links';
import { PasswordLinkView } from './dto/password-link.view';

/** A reset is answered no sooner than this: known and unknown addresses take the same time. */
const RESET_ANSWER_MS = 250;
/** A second reset e-mail to the same account within this time is not sent (the first link still works). */
const RESET_RESEND_MS = 60_000;

/** The links by which users choose their password: an invitation's first one, or a new one after a reset. */
@Injectable()
export class PasswordLinksService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: AccountLinks,
    private readonly hasher: PasswordHasher,
    private readonly rules: PasswordRules,
    private readonly sessions: SessionRevocation,
    private readonly audit: AuditTrail,
  ) {}

  async inspect(token: string): Promise<PasswordLinkView> {
    return PasswordLinkView.from(await this.live(this.em.fork(), token));
  }

  /** The password is set, the link and every other link of the user spent, and every session ends. */
  async redeem(token: string, password: string, clientRequestId: string | null): Promise<void> {
    const link = await this.live(this.em.fork(), token);
    const { user } = link;
    await this.rules.assertAcceptable(password, user);
    const passwordHash = await this.hasher.hash(password);
    const ended = await this.em.fork().transactional(async (em) => {
      if (!(await this.links.spend(em, link))) throw linkUnusable();
      await em.nativeUpdate(UserSchema, { id: user.id }, { passwordHash });
      const sessions = await this.sessions.revokeAll(em, user.id);
      await this.audit.append(em, {
        stream: agencyStream(user.agency.id),
        action: link.purpose === 'invitation' ? 'user.invitation_accepted' : 'auth.password_reset',
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, agencyId: user.agency.id },
        clientRequestId,
        data: { linkId: link.id, purpose: link.purpose, sessionsEnded: sessions.length },
      });
      return sessions;
    });
    await this.sessions.announce(ended);
  }

  /**
   * Sends a reset link to an active account with this address; answers the same, in the same time, when there is
   * none. The request is audited either way (an unknown address as its hash, on the system stream).
   */
  async requestReset(email: string, clientRequestId: string | null): Promise<void> {
    const started = Date.now();
    const login = email.trim().toLowerCase();
    try {
      await this.em.fork().transactional(async (em) => {
        const user = await em.findOne(UserSchema, { email: login, active: true }, { populate: ['agency'] });
        const recent = user ? await this.links.latestLive(em, user.id) : null;
        const resend =
          !!recent && recent.purpose !== 'invitation' && Date.now() - recent.createdAt.getTime() < RESET_RESEND_MS;
        if (user && !resend) await this.links.send(em, user, 'reset');
        await this.audit.append(em, {
          stream: user ? agencyStream(user.agency.id) : SYSTEM_STREAM,
          action: 'auth.password_reset_requested',
          subjectType: user ? 'user' : 'login',
          subjectId: user ? user.id : sha256Hex(login),
          clientRequestId,
          data: { sent: !!user && !resend },
        });
      });
    } finally {
      await sleep(Math.max(0, RESET_ANSWER_MS - (Date.now() - started)));
    }
  }

  private async live(em: EntityManager, token: string): Promise<AccountLink> {
    const link = await this.links.findLive(em, token);
    if (!link?.user.active) throw linkUnusable();
    return link;
  }
}
