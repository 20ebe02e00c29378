import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { IdempotentResource } from '../idempotency/idempotent-resource';

/**
 * The claim of a POST's `Idempotency-Key` by its caller, then its answer: the status and the ids of what it wrote,
 * from which a retry's answer is rebuilt. Kept for a day.
 */
export const IdempotencyRecordSchema = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  properties: {
    id: p.uuid().primary(),
    userId: p.uuid(),
    key: p.string().length(200),
    /** Method and path, and a hash of the body: a key reused for something else is refused. */
    fingerprint: p.string().length(64),
    responseStatus: p.integer().nullable(),
    /** What the call wrote (a replay shows it from the database); null until it answers. */
    resource: p.json<IdempotentResource>().nullable(),
    /** The answer as sent, only for the routes that record no resource (none that shows a person's identity). */
    responseBody: p.json<unknown>().nullable(),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['userId', 'key'] }],
  indexes: [{ properties: ['createdAt'] }],
});

export type IdempotencyRecord = InferEntity<typeof IdempotencyRecordSchema>;
