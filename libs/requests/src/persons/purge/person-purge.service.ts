import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditTrail, requestStream } from '@liaison/audit';
import { hasRole, type Actor, type CallerContext, type RequestRelation } from '@liaison/domain';
import { RequestAccess } from '../../access/request-access';
import { notYours, personPurged } from '../../requests-problems';
import { PersonIdentityStore } from '../person-identity-store';
import { toPersonView, type PersonView } from '../person.view';
import type { PurgePersonDto } from './purge-person.dto';
import { sha256Hex } from '@liaison/platform';

/**
 * A supervisor (central authority) of either party destroys a person's identity: the data key and the ciphertext
 * go, the non-identifying columns stay (statistics), and the trail records who, when and on which ground.
 */
@Injectable()
export class PersonPurgeService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly identities: PersonIdentityStore,
    private readonly audit: AuditTrail,
  ) {}

  async purge(caller: CallerContext, personId: string, input: PurgePersonDto, now = new Date()): Promise<PersonView> {
    return this.em.fork().transactional(async (tx) => {
      const [person] = await this.identities.findForPurge(tx, [personId]);
      if (!person) throw new NotFoundException('Person not found');
      const { relation } = await this.access.findVisible(tx, caller.actor, person.request.id);
      assertPartySupervisor(caller.actor, relation);
      if (person.purgedAt) throw personPurged();
      this.identities.purge(person, now);
      await tx.flush();
      await this.audit.append(tx, {
        stream: requestStream(person.request.id),
        action: 'person.purged',
        subjectType: 'person',
        subjectId: person.id,
        actor: caller.actor,
        clientRequestId: caller.clientRequestId,
        data: { requestId: person.request.id, ground: input.ground, reasonSha256: sha256(input.reason) },
      });
      return toPersonView(person, 'omitted', null);
    });
  }
}

function assertPartySupervisor(actor: Actor, relation: RequestRelation): void {
  const party = relation === 'requesting' || relation === 'requested';
  if (!party || !hasRole(actor, 'SUPERVISOR')) {
    throw notYours("Only the two agencies' supervisors purge a person's identity");
  }
}

function sha256(text: string): string {
  return sha256Hex(text);
}
