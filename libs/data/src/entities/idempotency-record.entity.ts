import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** The first answer to a POST sent with an `Idempotency-Key`, replayed when the same caller retries it. */
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
    responseBody: p.json<unknown>().nullable(),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['userId', 'key'] }],
});

export type IdempotencyRecord = InferEntity<typeof IdempotencyRecordSchema>;
