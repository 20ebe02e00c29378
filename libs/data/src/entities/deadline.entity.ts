import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SIDES } from '@liaison/domain';
import { identified } from './timestamps';

const DEADLINE_STATUSES = ['pending', 'paused', 'overdue', 'stopped'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * One run of a request's legal clock: the truth the worker's delayed jobs are armed from. At most one open run
 * (not stopped) per request and timer; a paused run keeps the time it had left.
 */
export const DeadlineSchema = defineEntity({
  name: 'Deadline',
  tableName: 'deadline',
  properties: {
    ...identified(),
    /**
     * The request (no foreign key on purpose: inserting a referencing row takes a key-share lock on the request,
     * which would make the write path's `FOR UPDATE NOWAIT` answer 409 while the worker records a deadline).
     */
    requestId: p.uuid(),
    /** The workflow's timer name: `acknowledge`, `decide`, `execute`, ... */
    kind: p.string().length(64),
    /** When it falls due; while paused, when it would have. */
    dueAt: p.datetime(),
    remainingMs: p.bigint('number').nullable(),
    /** The legal text (or agreed default) that sets the time limit. */
    legalSource: p.text(),
    /** Whose move it is: their supervisors are told when it passes. */
    responsibleSide: p.enum(SIDES),
    status: p.enum(DEADLINE_STATUSES).default('pending'),
    overdueAt: p.datetime().nullable(),
    stoppedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['requestId', 'kind'], where: 'stopped_at is null', name: 'deadline_open_unique' }],
  indexes: [{ properties: ['status', 'dueAt'] }],
});

export type Deadline = InferEntity<typeof DeadlineSchema>;
