import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, requestStream } from '@liaison/audit';
import { DeadlineSchema, runSql, type Deadline } from '@liaison/data';
import { describeWorkflow, nextSteps, type Role } from '@liaison/domain';
import { CLOCK, type Clock } from '../clock/clock';
import { Outbox } from '../outbox/outbox';
import type { DeadlineRemindJobData } from '../queues/queue-names';
import { DEADLINE_REMINDER_TOPIC } from '../relay/outbox-routes';
import { reminderSentSql } from './deadlines.sql';
import { loadRequestClock, type RequestClock } from './request-clock';

export type RemindOutcome =
  /** Reminder queued through the outbox for the responsible side's roles that owe the next step. */
  | { outcome: 'reminded'; roles: Role[] }
  /** Not yet by the worker's clock. */
  | { outcome: 'early'; at: Date }
  /** Paused, stopped, re-timed, already overdue or already reminded: nothing to do. */
  | { outcome: 'stale' };

/**
 * Some time before a deadline (`DEADLINE_REMINDERS`): if it still applies (pending, the request's clock still running
 * to that time), remind the side responsible for it, the roles of that side the request waits on (its supervisors
 * when none does), through the outbox, with an audit entry, in one transaction; once per deadline, due time and
 * reminder.
 */
@Injectable()
export class DeadlineReminding {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  remind(job: DeadlineRemindJobData): Promise<RemindOutcome> {
    return this.em.fork().transactional((tx) => this.remindIn(tx, job));
  }

  private async remindIn(tx: EntityManager, job: DeadlineRemindJobData): Promise<RemindOutcome> {
    const deadline = await tx.findOne(DeadlineSchema, job.deadlineId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!deadline || deadline.status !== 'pending' || deadline.dueAt.toISOString() !== job.dueAt)
      return { outcome: 'stale' };
    const at = new Date(deadline.dueAt.getTime() - job.beforeMs);
    const now = this.clock.now();
    if (at > now) return { outcome: 'early', at };
    if (deadline.dueAt <= now) return { outcome: 'stale' };
    const request = await loadRequestClock(tx, deadline.requestId);
    if (!request || !stillRunning(request, deadline)) return { outcome: 'stale' };
    const key = `${deadline.id}-${job.dueAt}-${job.beforeMs}`;
    const [{ sent }] = await runSql<{ sent: boolean }>(tx, reminderSentSql(deadline.id, key));
    if (sent) return { outcome: 'stale' };
    const roles = rolesOwing(request, deadline);
    await this.audit.append(tx, {
      stream: requestStream(request.id),
      action: 'deadline.reminder',
      subjectType: 'deadline',
      subjectId: deadline.id,
      occurredAt: now,
      data: {
        key,
        deadline: deadline.kind,
        dueAt: job.dueAt,
        beforeMs: job.beforeMs,
        responsibleSide: deadline.responsibleSide,
        roles,
        state: request.state,
      },
    });
    await this.outbox.add(
      tx,
      roles.map((role) => reminder(request, deadline, job.beforeMs, role)),
    );
    return { outcome: 'reminded', roles };
  }
}

function stillRunning(request: RequestClock, deadline: Deadline): boolean {
  const timer = request.timers.find((candidate) => candidate.name === deadline.kind);
  return timer?.status === 'running' && new Date(timer.dueAt).getTime() === deadline.dueAt.getTime();
}

/** The roles of the responsible side the request waits on in its state; its supervisors when none. */
function rolesOwing(request: RequestClock, deadline: Deadline): Role[] {
  const roles = nextSteps(describeWorkflow(request.kind), request.state)
    .filter((step) => step.side === deadline.responsibleSide)
    .map((step) => step.role)
    .filter((role) => role === 'OFFICER' || role === 'SUPERVISOR');
  return roles.length > 0 ? [...new Set(roles)] : ['SUPERVISOR'];
}

function reminder(request: RequestClock, deadline: Deadline, beforeMs: number, role: Role) {
  return {
    topic: DEADLINE_REMINDER_TOPIC,
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
      beforeMs,
      state: request.state,
      effect: {
        type: 'notify',
        recipient: { type: 'party', side: deadline.responsibleSide, role },
        reason: 'deadline_reminder',
      },
    },
  };
}
