import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { AuditTrail, requestStream } from '@liaison/audit';
import { RequestLinkSchema } from '@liaison/data';
import { mayView, type Actor, type CallerContext } from '@liaison/domain';
import { RequestAccess } from '../access/request-access';
import { alreadyLinked, unprocessable } from '../requests-problems';
import { assertActingParty } from '../shared/editing-rules';
import type { CreateLinkDto } from './create-link.dto';
import { LinkView, type LinkListView } from './link.view';

/** Links between requests (an MLA that supports an extradition): both must be visible to whoever links them. */
@Injectable()
export class LinksService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly audit: AuditTrail,
  ) {}

  async add(caller: CallerContext, requestId: string, input: CreateLinkDto): Promise<LinkView> {
    return this.em.fork().transactional(async (tx) => {
      const { request, relation } = await this.access.findVisible(tx, caller.actor, requestId);
      assertActingParty(caller.actor, relation);
      if (input.linkedRequestId === request.id)
        throw unprocessable('linkedRequestId', 'A request cannot be linked to itself');
      const { request: linked } = await this.access.findVisible(tx, caller.actor, input.linkedRequestId);
      const existing = await tx.count(RequestLinkSchema, { request: request.id, linkedRequest: linked.id });
      if (existing > 0) throw alreadyLinked();
      const link = tx.create(RequestLinkSchema, {
        id: uuidv7(),
        request,
        linkedRequest: linked,
        relation: input.relation,
        createdBy: caller.actor.userId,
        createdAt: new Date(),
      });
      await tx.flush();
      await this.audit.append(tx, {
        stream: requestStream(request.id),
        action: 'request.linked',
        subjectType: 'request',
        subjectId: request.id,
        actor: caller.actor,
        clientRequestId: caller.clientRequestId,
        data: { linkedRequestId: linked.id, linkedReference: linked.reference, relation: link.relation },
      });
      return LinkView.from(link, 'outgoing', linked);
    });
  }

  async list(actor: Actor, requestId: string): Promise<LinkListView> {
    const em = this.em.fork();
    await this.access.findVisible(em, actor, requestId);
    const links = await em.find(
      RequestLinkSchema,
      { $or: [{ request: requestId }, { linkedRequest: requestId }] },
      { populate: ['request', 'linkedRequest'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const items: LinkView[] = [];
    for (const link of links) {
      const outgoing = link.request.id === requestId;
      const other = outgoing ? link.linkedRequest : link.request;
      if (mayView(await this.access.relation(em, actor, other))) {
        items.push(LinkView.from(link, outgoing ? 'outgoing' : 'incoming', other));
      }
    }
    return { items };
  }
}
