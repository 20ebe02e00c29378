import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { DeadlineSchema, runSql, type Deadline, type StoredTimer } from '@liaison/data';
import { findLegalBasis, resolveDeadline, workflowOf } from '@liaison/domain';
import { CLOCK, type Clock } from '../clock/clock';
import type { DeadlineSyncJobData } from '../queues/queue-names';
import { DeadlineArming, type ArmedDeadline } from './deadline-arming';
import { deadlineSyncLockSql } from './deadlines.sql';
import { loadRequestClock, type RequestClock } from './request-clock';
import { responsibleSide } from './responsible-side';

interface SyncResult {
  arm: ArmedDeadline[];
  disarm: ArmedDeadline[];
}

/**
 * Brings a request's deadline rows in line with its clocks (`request.timers`, written by the workflow in the
 * transition's transaction). Working from the request's current clocks rather than from each timer effect makes
 * the outcome independent of the order in which the timer jobs run: any of them converges to the same rows.
 */
@Injectable()
export class DeadlineSync {
  constructor(
    private readonly em: EntityManager,
    private readonly arming: DeadlineArming,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sync(job: DeadlineSyncJobData): Promise<void> {
    const result = await this.em.fork().transactional((tx) => this.syncIn(tx, job));
    await Promise.all(result.disarm.map((deadline) => this.arming.disarm(deadline)));
    await Promise.all(result.arm.map((deadline) => this.arming.arm(deadline)));
  }

  private async syncIn(tx: EntityManager, job: DeadlineSyncJobData): Promise<SyncResult> {
    await runSql(tx, deadlineSyncLockSql(job.requestId));
    const request = await loadRequestClock(tx, job.requestId);
    if (!request) return { arm: [], disarm: [] };
    const open = await tx.find(DeadlineSchema, { requestId: request.id, stoppedAt: null });
    const byTimer = new Map(open.map((deadline) => [deadline.kind, deadline]));
    const result: SyncResult = { arm: [], disarm: [] };
    const now = this.clock.now();
    for (const timer of request.timers) {
      await this.apply(tx, request, timer, byTimer.get(timer.name), job, result, now);
      byTimer.delete(timer.name);
    }
    for (const stopped of byTimer.values()) this.stop(stopped, result, now);
    await tx.flush();
    return result;
  }

  private async apply(
    tx: EntityManager,
    request: RequestClock,
    timer: StoredTimer,
    row: Deadline | undefined,
    job: DeadlineSyncJobData,
    result: SyncResult,
    now: Date,
  ): Promise<void> {
    if (timer.status === 'paused') {
      if (!row)
        this.open(
          tx,
          request,
          timer.name,
          new Date(now.getTime() + timer.remainingMs),
          job,
          'paused',
          timer.remainingMs,
        );
      else if (row.status !== 'paused') {
        result.disarm.push(armed(row));
        Object.assign(row, { status: 'paused', remainingMs: timer.remainingMs });
      }
      return;
    }
    const dueAt = new Date(timer.dueAt);
    if (row?.status === 'paused') {
      Object.assign(row, { status: 'pending', dueAt, remainingMs: null });
      result.arm.push(armed(row));
      return;
    }
    if (row && row.dueAt.getTime() === dueAt.getTime()) return; // unchanged (pending or already overdue)
    if (row) {
      this.stop(row, result, now); // restarted: a new run of the clock
      await tx.flush(); // the old run closes before the new one opens (one open run per timer)
    }
    result.arm.push(armed(this.open(tx, request, timer.name, dueAt, job, 'pending', null)));
  }

  private open(
    tx: EntityManager,
    request: RequestClock,
    timer: string,
    dueAt: Date,
    job: DeadlineSyncJobData,
    status: 'pending' | 'paused',
    remainingMs: number | null,
  ): Deadline {
    const workflow = workflowOf(request.kind);
    const legalSource =
      job.started?.timer === timer
        ? job.started.source
        : resolveDeadline(workflow, timer, { legalBasis: findLegalBasis(request.legalBasis) }).source;
    return tx.create(DeadlineSchema, {
      id: uuidv7(),
      requestId: request.id,
      kind: timer,
      dueAt,
      remainingMs,
      legalSource,
      responsibleSide: responsibleSide(workflow, timer),
      status,
      overdueAt: null,
      stoppedAt: null,
    });
  }

  /** The clock stopped (its event happened, or the request left the state): the run ends, overdue or not. */
  private stop(row: Deadline, result: SyncResult, now: Date): void {
    if (row.status === 'pending') result.disarm.push(armed(row));
    row.stoppedAt = now;
    if (row.status !== 'overdue') row.status = 'stopped';
  }
}

const armed = (row: Deadline): ArmedDeadline => ({ id: row.id, kind: row.kind, dueAt: row.dueAt });
