import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserSchema } from '@liaison/data';
import { InboxWriter } from '../inbox/inbox-writer';
import type { WelcomeJobData } from '../queues/queue-names';

/** Greets a new user in their in-app inbox with where they stand: their agency and roles. */
@Injectable()
export class WelcomeNotice {
  constructor(
    private readonly em: EntityManager,
    private readonly inbox: InboxWriter,
  ) {}

  async send({ userId }: WelcomeJobData): Promise<void> {
    const user = await this.em.fork().findOne(UserSchema, userId, { populate: ['agency'] });
    if (!user) return; // removed before the job ran: nothing to greet
    await this.inbox.deliver({
      recipientId: user.id,
      kind: 'welcome',
      title: 'Welcome to Liaison',
      body: `You have been registered for ${user.agency.name} (${user.agency.country}) with the roles ${user.roles.join(', ')}.`,
      link: '/v1/me',
      dedupKey: `welcome-${user.id}`,
    });
  }
}
