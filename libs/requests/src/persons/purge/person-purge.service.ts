import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AuditTrail, requestStream } from '@liaison/audit';
import { PersonPurgeProposalSchema, runSql, type Person, type PersonPurgeProposal } from '@liaison/data';
import {
  hasRole,
  purgeConfirmationRefusal,
  purgeProposalExpiry,
  purgeProposalLapsed,
  type Actor,
  type CallerContext,
  type RequestRelation,
} from '@liaison/domain';
import { LIAISON_CONFIG, sha256Hex, type LiaisonConfig } from '@liaison/platform';
import { RequestAccess } from '../../access/request-access';
import {
  noPendingPurge,
  notYours,
  personPurged,
  purgeAlreadyProposed,
  purgeProposalExpired,
  secondSupervisorRequired,
} from '../../requests-problems';
import { PersonIdentityStore } from '../person-identity-store';
import { toPersonView, type PersonView } from '../person.view';
import { requestPastRetentionSql } from '../retention/expired-persons.sql';
import { retentionCutoff } from '../retention/retention-cutoff';
import { toPendingPurgeView, type PendingPurgeView } from './pending-purge.view';
import { findPendingPurges } from './pending-purges';
import type { PurgePersonDto } from './purge-person.dto';

export type PurgeOutcome = { purged: PersonView } | { proposed: PendingPurgeView };

/**
 * A supervisor (central authority) of either party destroys a person's identity: the data key and the ciphertext
 * go, the non-identifying columns stay (statistics), and the trail records who, when and on which ground. Four
 * eyes: unless the request is final and past retention, the first supervisor only proposes the purge, and a second
 * one (not the proposer) confirms it before the proposal lapses.
 */
@Injectable()
export class PersonPurgeService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly identities: PersonIdentityStore,
    private readonly audit: AuditTrail,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  async purge(caller: CallerContext, personId: string, input: PurgePersonDto, now = new Date()): Promise<PurgeOutcome> {
    return this.em.fork().transactional(async (tx) => {
      const person = await this.findPurgeable(tx, caller, personId);
      if (await this.pastRetention(tx, person.request.id, now)) {
        return { purged: await this.destroy(tx, caller, person, { ground: input.ground, reason: input.reason }, now) };
      }
      const existing = (await findPendingPurges(tx, [person.id])).get(person.id);
      if (existing && !purgeProposalLapsed(existing, now)) throw purgeAlreadyProposed(existing.expiresAt);
      if (existing) {
        tx.remove(existing);
        await tx.flush();
      }
      const proposal = tx.create(PersonPurgeProposalSchema, {
        person,
        proposedBy: caller.actor.userId,
        ground: input.ground,
        reason: input.reason,
        expiresAt: purgeProposalExpiry(now, this.config.personalData.purgeProposalDays),
        createdAt: now,
        updatedAt: now,
      });
      await tx.flush();
      await this.append(tx, caller, person, 'person.purge_proposed', {
        ground: input.ground,
        reasonSha256: sha256Hex(input.reason),
        expiresAt: proposal.expiresAt.toISOString(),
      });
      await tx.populate(proposal, ['proposedBy']);
      return { proposed: toPendingPurgeView(proposal, person.request.id, { withReason: true, now }) };
    });
  }

  /** The second supervisor's yes: the purge proposed by someone else, before it lapsed. */
  async confirm(caller: CallerContext, personId: string, now = new Date()): Promise<PersonView> {
    return this.em.fork().transactional(async (tx) => {
      const person = await this.findPurgeable(tx, caller, personId);
      const proposal = await this.findProposal(tx, person);
      const refusal = purgeConfirmationRefusal(proposal, caller.actor, now);
      if (refusal === 'same_supervisor') throw secondSupervisorRequired();
      if (refusal === 'lapsed') throw purgeProposalExpired(proposal.expiresAt);
      const proposedBy = proposal.proposedBy.id;
      await this.append(tx, caller, person, 'person.purge_confirmed', {
        proposalId: proposal.id,
        proposedBy,
        ground: proposal.ground,
        reasonSha256: sha256Hex(proposal.reason),
      });
      const view = await this.destroy(tx, caller, person, proposal, now, { proposedBy });
      return view;
    });
  }

  /** Withdraws a proposed purge (its proposer or another supervisor who could confirm it), lapsed or not. */
  async cancel(caller: CallerContext, personId: string, now = new Date()): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const person = await this.findPurgeable(tx, caller, personId);
      const proposal = await this.findProposal(tx, person);
      tx.remove(proposal);
      await tx.flush();
      await this.append(tx, caller, person, 'person.purge_cancelled', {
        proposalId: proposal.id,
        proposedBy: proposal.proposedBy.id,
        ground: proposal.ground,
        expired: purgeProposalLapsed(proposal, now),
      });
    });
  }

  /** The person row-locked, visible to a supervisor of one of the two parties, not purged yet. */
  private async findPurgeable(tx: EntityManager, caller: CallerContext, personId: string): Promise<Person> {
    const [person] = await this.identities.findForPurge(tx, [personId]);
    if (!person) throw new NotFoundException('Person not found');
    const { relation } = await this.access.findVisible(tx, caller.actor, person.request.id);
    assertPartySupervisor(caller.actor, relation);
    if (person.purgedAt) throw personPurged();
    return person;
  }

  private async findProposal(tx: EntityManager, person: Person): Promise<PersonPurgeProposal> {
    const proposal = (await findPendingPurges(tx, [person.id])).get(person.id);
    if (!proposal) throw noPendingPurge();
    return proposal;
  }

  /** Final and closed for longer than the retention period: what the retention job would purge anyway. */
  private async pastRetention(tx: EntityManager, requestId: string, now: Date): Promise<boolean> {
    const cutoff = retentionCutoff(now, this.config.personalData.retentionYears);
    if (!cutoff) return false;
    return (await runSql(tx, requestPastRetentionSql(requestId, cutoff))).length > 0;
  }

  /** Destroys the identity and any proposal, and audits `person.purged`. */
  private async destroy(
    tx: EntityManager,
    caller: CallerContext,
    person: Person,
    why: { ground: string; reason: string },
    now: Date,
    extra: Record<string, unknown> = {},
  ): Promise<PersonView> {
    await this.identities.purge(tx, [person], now);
    await tx.flush();
    await this.append(tx, caller, person, 'person.purged', {
      ground: why.ground,
      reasonSha256: sha256Hex(why.reason),
      ...extra,
    });
    return toPersonView(person, 'omitted', null);
  }

  private append(
    tx: EntityManager,
    caller: CallerContext,
    person: Person,
    action: string,
    data: Record<string, unknown>,
  ): Promise<unknown> {
    return this.audit.append(tx, {
      stream: requestStream(person.request.id),
      action,
      subjectType: 'person',
      subjectId: person.id,
      actor: caller.actor,
      clientRequestId: caller.clientRequestId,
      data: { requestId: person.request.id, ...data },
    });
  }
}

function assertPartySupervisor(actor: Actor, relation: RequestRelation): void {
  const party = relation === 'requesting' || relation === 'requested';
  if (!party || !hasRole(actor, 'SUPERVISOR')) {
    throw notYours("Only the two agencies' supervisors purge a person's identity");
  }
}
