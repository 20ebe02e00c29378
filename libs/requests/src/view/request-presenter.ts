import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Request } from '@liaison/data';
import { actingSide, allowedEvents, type Actor, type RequestRelation } from '@liaison/domain';
import { loadRequestFacts } from '../workflow-state/request-facts-loader';
import { toSnapshot } from '../workflow-state/request-snapshot';
import { toRequestView, type RequestView } from './request.view';

/** Shows a request to a caller, with the events that caller may send now. */
@Injectable()
export class RequestPresenter {
  async present(em: EntityManager, actor: Actor, request: Request, relation: RequestRelation): Promise<RequestView> {
    await em.populate(request, ['requestingAgency', 'requestedAgency']);
    const side = actingSide(actor, relation);
    const now = new Date();
    const facts = await loadRequestFacts(em, request);
    const events = side
      ? allowedEvents(request.kind, toSnapshot(request, facts), { side, roles: actor.roles, now })
      : [];
    return { ...toRequestView(request, relation, events, now), childVictim: facts.content.victimIsChild === true };
  }
}
