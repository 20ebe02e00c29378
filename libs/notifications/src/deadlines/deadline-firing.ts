import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, requestStream } from '@liaison/audit';
import { DeadlineSchema, RequestSchema, type Deadline } from '@liaison/data';
import { CLOCK, type Clock } from '../clock/clock';
import { Outbox } from '../outbox/outbox';
import type { DeadlineFireJobData } from '../queues/queue-names';
import { DEADLINE_OVERDUE_TOPIC } from '../relay/outbox-routes';
import { loadRequestClock, type RequestClock } from './request-clock';

export type FireOutcome =
  /** Marked overdue, audited, escalation queued through the outbox. */
  | { outcome: 'overdue' }
  /** Not due yet by the worker's clock: wait until then. */
  | { outcome: 'early'; dueAt: Date }
  /** Paused, stopped, re-timed or already overdue: nothing to do. */
  | { outcome: 'stale' }
  /** The request's clocks moved on and the table lags behind: bring it in line. */
  | { outcome: 'out_of_sync'; requestId: string };

/**
 * A deadline's time has come: if it still applies (pending, the request's clock still running to that time), flag
 * the request overdue, write the audit entry and an outbox row that escalates to the responsible side's
 * supervisors, all in one transaction.
 */
@Injectable()
export class DeadlineFiring {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  fire(job: DeadlineFireJobData): Promise<FireOutcome> {
    return this.em.fork().transactional((tx) => this.fireIn(tx, job));
  }

  private async fireIn(tx: EntityManager, job: DeadlineFireJobData): Promise<FireOutcome> {
    const deadline = await tx.findOne(DeadlineSchema, job.deadlineId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!deadline || deadline.status !== 'pending' || deadline.dueAt.toISOString() !== job.dueAt)
      return { outcome: 'stale' };
    const now = this.clock.now();
    if (deadline.dueAt > now) return { outcome: 'early', dueAt: deadline.dueAt };
    const request = await loadRequestClock(tx, deadline.requestId);
    if (!request) return { outcome: 'stale' };
    if (!stillRunning(request, deadline)) return { outcome: 'out_of_sync', requestId: request.id };
    deadline.status = 'overdue';
    deadline.overdueAt = now;
    await tx.nativeUpdate(RequestSchema, { id: request.id }, { overdue: true });
    await this.audit.append(tx, {
      stream: requestStream(request.id),
      action: 'deadline.overdue',
      subjectType: 'deadline',
      subjectId: deadline.id,
      occurredAt: now,
      data: {
        deadline: deadline.kind,
        dueAt: deadline.dueAt.toISOString(),
        legalSource: deadline.legalSource,
        responsibleSide: deadline.responsibleSide,
        state: request.state,
        version: request.version,
      },
    });
    await this.outbox.add(tx, [escalation(request, deadline)]);
    await tx.flush();
    return { outcome: 'overdue' };
  }
}

function stillRunning(request: RequestClock, deadline: Deadline): boolean {
  const timer = request.timers.find((candidate) => candidate.name === deadline.kind);
  return timer?.status === 'running' && new Date(timer.dueAt).getTime() === deadline.dueAt.getTime();
}

function escalation(request: RequestClock, deadline: Deadline) {
  return {
    topic: DEADLINE_OVERDUE_TOPIC,
    requestId: request.id,
    payload: {
      requestId: request.id,
      reference: request.reference,
      kind: request.kind,
      requestingAgencyId: request.requestingAgencyId,
      requestedAgencyId: request.requestedAgencyId,
      deadlineId: deadline.id,
      timer: deadline.kind,
      dueAt: deadline.dueAt.toISOString(),
      state: request.state,
      effect: {
        type: 'notify',
        recipient: { type: 'party', side: deadline.responsibleSide, role: 'SUPERVISOR' },
        reason: 'deadline_overdue',
      },
    },
  };
}
