import { EntityManager, type PostgreSqlConnection } from '@mikro-orm/postgresql';
import { HttpException, Injectable, NotFoundException } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { isUUID } from 'class-validator';
import { uuidv7 } from 'uuidv7';
import { chainEntry, requestStream, type StreamHead } from '@liaison/audit';
import { idempotentAnswerSql } from '@liaison/data';
import {
  actingSide,
  decideTransition,
  forwardRefusal,
  isKnownToRequestingSideAlone,
  mayView,
  relationToRequest,
  storedHandling,
  type Actor,
  type CallerContext,
  type ForwardTarget,
  type RequestFacts,
  type RequestRelation,
  type TransitionAcceptance,
  type TransitionRefusal,
} from '@liaison/domain';
import { outboxRows } from '@liaison/notifications';
import { assertCurrentVersion, sha256Hex } from '@liaison/platform';
import { applyPosition, requestFacts, RequestVault, toSnapshot, type OpenedRequestKey } from '@liaison/requests';
import {
  toLockedRequest,
  wrappedKeyOf,
  type AgencyParty,
  type LockedRequest,
  type LockedRequestRow,
} from './locked-request';
import { outboxEntriesFor } from './outbox-entries';
import { PooledTransaction } from './pooled-transaction';
import type { TransitionCommand } from './transition-command';
import { TransitionRefusedException } from './transition-refused.exception';
import {
  acceptTransitionSql,
  agencyPartySql,
  attachmentCountSql,
  OPEN_RESULTS,
  openTransitionSql,
  refuseTransitionSql,
} from './transition.sql';
import { mayNotAct, requestBusy, versionChanged } from './workflow-problems';

/** The command with who sent it. */
type SentCommand = TransitionCommand & CallerContext;

export interface AppliedTransition {
  request: LockedRequest;
  relation: RequestRelation;
  /** What the rules read, after the transition (for the events the caller may send next). */
  facts: RequestFacts;
  warnings: string[];
  now: Date;
}

type Outcome =
  ({ accepted: true } & AppliedTransition) | { accepted: false; refusal: TransitionRefusal; status: 403 | 422 };

interface Opened {
  request: LockedRequest;
  head: StreamHead | undefined;
  /** The request's data key: it opened the content and seals the history payload. */
  key: OpenedRequestKey;
}

/**
 * The one write path for state changes (docs/architecture.md): in one transaction, lock the request, ask the domain,
 * and write the new state and version, a history row, the audit entry and one outbox row per effect. A refused event
 * changes nothing but is itself audited (the refusal's audit entry is committed, then the caller gets the 4xx).
 *
 * It is the hottest path of the api, so it bypasses the ORM (docs/decisions/0003-write-path-off-the-orm.md): two
 * multi-statement round trips on a pooled connection (lock and read; write and commit) instead of one per
 * statement, no hydration, no flush.
 */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly em: EntityManager,
    private readonly vault: RequestVault,
  ) {}

  async apply(caller: CallerContext, command: TransitionCommand): Promise<AppliedTransition> {
    const pool = await (this.em.getConnection() as PostgreSqlConnection).getNativeClient();
    const sent: SentCommand = { ...command, ...caller };
    const outcome = await PooledTransaction.run(pool, (tx) => this.decideAndWrite(tx, sent)).catch((error: unknown) =>
      this.translate(error),
    );
    if (outcome.accepted) return outcome;
    if (outcome.status === 403) throw mayNotAct(outcome.refusal);
    throw new TransitionRefusedException(command.event, outcome.refusal);
  }

  private async decideAndWrite(tx: PooledTransaction, command: SentCommand): Promise<Outcome> {
    const { actor } = command;
    const { request, head, key } = await open(tx, command, this.vault);
    const relation = relationOf(actor, request);
    assertCurrentVersion(command.ifMatch, request.version, versionChanged);
    const side = actingSide(actor, relation);
    if (!side) return this.refuse(tx, request, head, command, notAParty(relation), 403);
    const now = new Date();
    const facts = factsOf(request);
    const decision = decideTransition(
      request.kind,
      toSnapshot(request, facts),
      { type: command.event, payload: command.payload },
      { side, roles: actor.roles, now },
    );
    if (!decision.ok) return this.refuse(tx, request, head, command, decision, 422);
    const invalidReference =
      (await checkAttachments(tx, request, command.payload)) ?? (await reassign(tx, request, decision));
    if (invalidReference) return this.refuse(tx, request, head, command, invalidReference, 422);
    await write(tx, { request, head, key }, command, decision, now);
    return { accepted: true, request, relation, facts: factsOf(request), warnings: decision.warnings, now };
  }

  private async refuse(
    tx: PooledTransaction,
    request: LockedRequest,
    head: StreamHead | undefined,
    command: SentCommand,
    refusal: TransitionRefusal,
    status: 403 | 422,
  ): Promise<Outcome> {
    const entry = chainEntry(
      {
        stream: requestStream(request.id),
        action: 'request.transition_refused',
        subjectType: 'request',
        subjectId: request.id,
        actor: command.actor,
        clientRequestId: command.clientRequestId,
        data: { event: command.event, state: request.state, version: request.version, reason: refusal.reason },
      },
      head,
    );
    await tx.send(refuseTransitionSql(entry));
    return { accepted: false, refusal, status };
  }

  /**
   * Another transaction holds the request (FOR NO KEY UPDATE NOWAIT) or a deadlock was broken: the caller lost a race.
   * Other errors of the driver are converted as the ORM converts its own (an unreachable database is then a 503).
   */
  private translate(error: unknown): never {
    const code = String((error as { code?: unknown } | null)?.code);
    if (code === '55P03' || code === '40P01') {
      throw requestBusy();
    }
    if (error instanceof Error && !(error instanceof HttpException)) throw this.em.getDriver().convertException(error);
    throw error;
  }
}

/**
 * Reads and locks the request. Its data key is unwrapped here, before the caller's relation is decided, but
 * nothing it opened leaves unless the caller may see the request (`relationOf` throws 404 first).
 */
async function open(tx: PooledTransaction, command: SentCommand, vault: RequestVault): Promise<Opened> {
  const stream = requestStream(command.requestId);
  const results = await tx.send(openTransitionSql(command.requestId, stream, command.actor.userId));
  const row = results[OPEN_RESULTS.request]?.rows[0] as unknown as LockedRequestRow | undefined;
  const head = results[OPEN_RESULTS.head]?.rows[0] as unknown as StreamHead | undefined;
  if (!row) throw new NotFoundException('Request not found');
  const key = vault.fromWrapped(row.id, wrappedKeyOf(row), row.personalDataPurgedAt);
  return { request: toLockedRequest(row, key), head, key };
}

/** As RequestAccess decides it; not visible is 404, never 403. */
function relationOf(actor: Actor, request: LockedRequest): RequestRelation {
  const parties = {
    requestingAgencyId: request.requestingAgency.id,
    requestedAgencyId: request.requestedAgency.id,
    internal: isKnownToRequestingSideAlone(request.kind, request.state, request.previousState),
  };
  const relation = relationToRequest(actor, parties, request.callerInLinkedTaskForce);
  if (!mayView(relation)) throw new NotFoundException('Request not found');
  return relation;
}

function factsOf(request: LockedRequest): RequestFacts {
  return requestFacts(request, request.persons, request.taskForceLinked);
}

async function write(
  tx: PooledTransaction,
  { request, head, key }: Opened,
  command: SentCommand,
  decision: TransitionAcceptance,
  now: Date,
): Promise<void> {
  const from = request.state;
  applyPosition(request, decision.next, decision.timers);
  request.version += 1;
  request.lastActivityAt = now;
  request.updatedAt = now;
  if (decision.nextState !== from) request.overdue = false;
  const historyId = uuidv7();
  const audit = chainEntry(
    {
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
    },
    head,
  );
  const transition = { event: command.event, from, to: decision.nextState, version: request.version, historyId };
  await tx.send(
    acceptTransitionSql({
      history: {
        id: historyId,
        requestId: request.id,
        version: request.version,
        event: command.event,
        fromState: from,
        toState: decision.nextState,
        actorId: command.actor.userId,
        actorAgencyId: command.actor.agencyId,
        payload: storedPayload(key, historyId, command.payload),
        occurredAt: now,
      },
      audit,
      outbox: outboxRows(outboxEntriesFor(request, transition, decision.effects), now),
      request: {
        id: request.id,
        state: request.state,
        previousState: request.previousState ?? null,
        heldBySide: request.heldBySide ?? null,
        bestInterestsOutcome: request.bestInterestsOutcome ?? null,
        timers: request.timers,
        version: request.version,
        overdue: request.overdue,
        requestedAgencyId: request.requestedAgency.id,
        lastActivityAt: now,
        updatedAt: now,
      },
      idempotentAnswer: idempotentAnswerSql({ type: 'transition', requestId: request.id, warnings: decision.warnings }),
    }),
  );
}

/**
 * The payload sealed under the request's data key; in clear only for a request from before encryption that the
 * worker has not sealed yet (it seals history with the rest), and nothing for a purged one.
 */
function storedPayload(key: OpenedRequestKey, historyId: string, payload: Record<string, unknown>) {
  const sealed = key.sealPayload(historyId, payload);
  if (sealed) return { sealed: sealed.toString('base64') };
  return key.legacy ? { clear: payload } : null;
}

/** Results and information "attached" must be attachments of this very request. */
async function checkAttachments(tx: PooledTransaction, request: LockedRequest, payload: Record<string, unknown>) {
  const ids = payload['attachmentIds'];
  if (!Array.isArray(ids) || ids.length === 0) return undefined;
  const wellFormed = ids.every((id): id is string => typeof id === 'string' && isUUID(id));
  const found = wellFormed ? await countAttachments(tx, request.id, ids) : -1;
  if (found === new Set(ids).size) return undefined;
  return invalidReferenceTo('attachmentIds', 'must name attachments of this request');
}

async function countAttachments(tx: PooledTransaction, requestId: string, ids: string[]): Promise<number> {
  const [result] = await tx.send<{ found: number }>([attachmentCountSql(requestId, ids)]);
  return result?.rows[0]?.found ?? 0;
}

/**
 * Forwarding to the competent agency (EIO Art. 7(6)) makes it the requested agency: one of the requested state's
 * government agencies, where the handling code allows it (the domain's `forwardRefusal`).
 */
async function reassign(tx: PooledTransaction, request: LockedRequest, decision: TransitionAcceptance) {
  const effect = decision.effects.find((candidate) => candidate.type === 'reassign_requested_agency');
  if (!effect || effect.type !== 'reassign_requested_agency') return undefined;
  const found = isUUID(effect.agencyId) ? await findAgency(tx, effect.agencyId) : undefined;
  if (!found) return invalidReferenceTo('competentAgencyId', 'must be an existing agency');
  const { type, ...agency } = found;
  const refusal = forwardRefusal({
    requestingAgencyId: request.requestingAgency.id,
    requestedAgency: request.requestedAgency,
    target: { id: agency.id, country: agency.country, type },
    handling: storedHandling(request.handlingCode, request.handlingRestriction),
  });
  if (refusal) return invalidReferenceTo('competentAgencyId', refusal);
  request.requestedAgency = agency;
  return undefined;
}

async function findAgency(tx: PooledTransaction, id: string): Promise<ForwardCandidate | undefined> {
  const [result] = await tx.send<ForwardCandidate>([agencyPartySql(id)]);
  return result?.rows[0];
}

type ForwardCandidate = AgencyParty & Pick<ForwardTarget, 'type'>;

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
