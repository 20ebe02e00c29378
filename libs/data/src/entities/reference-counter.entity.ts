import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { REQUEST_KINDS } from '@liaison/domain';

/** The last reference number given per kind and year; incremented in the transaction that creates the request. */
export const ReferenceCounterSchema = defineEntity({
  name: 'ReferenceCounter',
  tableName: 'reference_counter',
  properties: {
    kind: p.enum(REQUEST_KINDS).primary(),
    year: p.integer().primary(),
    last: p.integer(),
  },
});

export type ReferenceCounter = InferEntity<typeof ReferenceCounterSchema>;
