import { DeadlockException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { isUUID } from 'class-validator';
import { uuidv7 } from 'uuidv7';
import { requestStream, AuditTrail } from '@liaison/audit';
import { AgencySchema, AttachmentSchema, RequestHistorySchema, type Request } from '@liaison/data';
import {
  actingSide,
  decideTransition,
  type RequestRelation,
  type TransitionAcceptance,
  type TransitionRefusal,
} from '@liaison/domain';
import { Outbox } from '@liaison/notifications';
import { ProblemException, sha256Hex } from '@liaison/platform';
import { applyPosition, loadRequestFacts, RequestAccess, toSnapshot } from '@liaison/requests';
import { outboxEntriesFor } from './outbox-entries';
import type { TransitionCommand } from './transition-command';
import { TransitionRefusedException } from './transition-refused.exception';

export interface AppliedTransition {
  request: Request;
  relation: RequestRelation;
  warnings: string[];
}

type Outcome =
  ({ accepted: true } & AppliedTransition) | { accepted: false; refusal: TransitionRefusal; status: 403 | 422 };

/**
 * The one write path for state changes (DESIGN.md): in one transaction, lock the request, ask the domain, and
 * write the new state and version, a history row, the audit entry and one outbox row per effect. A refused event
 * changes nothing but is itself audited (the refusal's audit entry is committed, then the caller gets the 4xx).
 */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  async apply(command: TransitionCommand): Promise<AppliedTransition> {
    const outcome = await this.em
      .fork()
      .transactional((tx) => this.decideAndWrite(tx, command))
      .catch(translateLockConflict);
    if (outcome.accepted) return outcome;
    if (outcome.status === 403) throw new ProblemException(403, 'forbidden', outcome.refusal.message);
    throw new TransitionRefusedException(command.event, outcome.refusal);
  }

  private async decideAndWrite(tx: EntityManager, command: TransitionCommand): Promise<Outcome> {
    const { actor } = command;
    const { request, relation } = await this.access.findVisible(tx, actor, command.requestId, { lock: true });
    assertVersion(request, command.ifMatch);
    await tx.populate(request, ['requestingAgency', 'requestedAgency']);
    const side = actingSide(actor, relation);
    if (!side) {
      const refusal = notAParty(relation);
      await this.auditRefusal(tx, request, command, refusal);
      return { accepted: false, refusal, status: 403 };
    }
    const now = new Date();
    const decision = decideTransition(
      request.kind,
      toSnapshot(request, await loadRequestFacts(tx, request)),
      { type: command.event, payload: command.payload },
      { side, roles: actor.roles, now },
    );
    if (!decision.ok) {
      await this.auditRefusal(tx, request, command, decision);
      return { accepted: false, refusal: decision, status: 422 };
    }
    const invalidReference =
      (await this.checkAttachments(tx, request, command.payload)) ?? (await this.reassign(tx, request, decision));
    if (invalidReference) {
      await this.auditRefusal(tx, request, command, invalidReference);
      return { accepted: false, refusal: invalidReference, status: 422 };
    }
    await this.write(tx, request, command, decision, now);
    return { accepted: true, request, relation, warnings: decision.warnings };
  }

  private async write(
    tx: EntityManager,
    request: Request,
    command: TransitionCommand,
    decision: TransitionAcceptance,
    now: Date,
  ): Promise<void> {
    const from = request.state;
    applyPosition(request, decision.next, decision.timers);
    request.version += 1;
    request.lastActivityAt = now;
    if (decision.nextState !== from) request.overdue = false;
    const historyId = uuidv7();
    await tx.insert(RequestHistorySchema, {
      id: historyId,
      request: request.id,
      version: request.version,
      event: command.event,
      fromState: from,
      toState: decision.nextState,
      actor: command.actor.userId,
      actorAgency: command.actor.agencyId,
      payload: command.payload,
      occurredAt: now,
    });
    await this.audit.append(tx, {
      stream: requestStream(request.id),
      action: 'request.transition',
      subjectType: 'request',
      subjectId: request.id,
      actor: command.actor,
      clientRequestId: command.clientRequestId,
      occurredAt: now,
      data: {
        event: command.event,
        from,
        to: decision.nextState,
        version: request.version,
        ...payloadReference(command.payload),
      },
    });
    const transition = { event: command.event, from, to: decision.nextState, version: request.version, historyId };
    await this.outbox.add(tx, outboxEntriesFor(request, transition, decision.effects));
    await tx.flush();
  }

  /** Results and information "attached" must be attachments of this very request. */
  private async checkAttachments(tx: EntityManager, request: Request, payload: Record<string, unknown>) {
    const ids = payload['attachmentIds'];
    if (!Array.isArray(ids) || ids.length === 0) return undefined;
    const wellFormed = ids.every((id) => typeof id === 'string' && isUUID(id));
    const found = wellFormed
      ? await tx.count(AttachmentSchema, { id: { $in: ids as string[] }, request: request.id })
      : -1;
    if (found === new Set(ids).size) return undefined;
    return invalidReferenceTo('attachmentIds', 'must name attachments of this request');
  }

  /** Forwarding to the competent agency (EIO Art. 7(6)) makes it the requested agency. */
  private async reassign(tx: EntityManager, request: Request, decision: TransitionAcceptance) {
    const effect = decision.effects.find((candidate) => candidate.type === 'reassign_requested_agency');
    if (!effect || effect.type !== 'reassign_requested_agency') return undefined;
    const agency = isUUID(effect.agencyId) ? await tx.findOne(AgencySchema, effect.agencyId) : null;
    if (!agency || agency.id === request.requestingAgency.id || agency.id === request.requestedAgency.id) {
      return invalidReferenceTo('competentAgencyId', 'must be another existing agency, not a party to the request');
    }
    request.requestedAgency = agency;
    return undefined;
  }

  private async auditRefusal(
    tx: EntityManager,
    request: Request,
    command: TransitionCommand,
    refusal: TransitionRefusal,
  ) {
    await this.audit.append(tx, {
      stream: requestStream(request.id),
      action: 'request.transition_refused',
      subjectType: 'request',
      subjectId: request.id,
      actor: command.actor,
      clientRequestId: command.clientRequestId,
      data: { event: command.event, state: request.state, version: request.version, reason: refusal.reason },
    });
  }
}

function assertVersion(request: Request, ifMatch: number | undefined): void {
  if (ifMatch === undefined || ifMatch === request.version) return;
  throw new ProblemException(
    412,
    'precondition-failed',
    `The request is at version ${request.version}, not ${ifMatch}: someone changed it since you loaded it. Reload it.`,
    { currentVersion: request.version },
  );
}

/** The payload in the trail: which fields were sent and a digest of their values (they may name people). */
function payloadReference(payload: Record<string, unknown>): Record<string, unknown> {
  const digest = sha256Hex(canonicalize(payload) ?? '{}');
  const grounds = Array.isArray(payload['grounds']) ? { grounds: payload['grounds'] } : {};
  return { payloadFields: Object.keys(payload).sort(), payloadSha256: digest, ...grounds };
}

function notAParty(relation: RequestRelation): TransitionRefusal {
  const message =
    relation === 'task_force'
      ? 'Task-force members follow requests; only officers and supervisors of the two agencies act on them'
      : 'Only officers and supervisors of the two agencies act on a request; auditors read';
  return { ok: false, reason: 'WRONG_SIDE', message };
}

function invalidReferenceTo(field: string, message: string): TransitionRefusal {
  return {
    ok: false,
    reason: 'INVALID_PAYLOAD',
    message: `${field} ${message}`,
    fields: [{ field, problem: 'invalid', message }],
  };
}

/** Another transaction holds the request (FOR UPDATE NOWAIT) or a deadlock was broken: the caller lost a race. */
function translateLockConflict(error: unknown): never {
  // 55P03 lock_not_available, raised by the lock statement (a driver error, not converted by the ORM)
  const lockNotAvailable = String((error as { code?: unknown } | null)?.code) === '55P03';
  if (lockNotAvailable || error instanceof DeadlockException) {
    throw new ProblemException(
      409,
      'conflict',
      'Another change to this request is in progress. Reload it and try again.',
    );
  }
  throw error;
}
