import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AgencySchema } from './agency.entity';
import { RequestSchema } from './request.entity';
import { UserSchema } from './user.entity';

/** One accepted event of a request: the request's own timeline. */
export const RequestHistorySchema = defineEntity({
  name: 'RequestHistory',
  tableName: 'request_history',
  properties: {
    id: p.uuid().primary(),
    request: () => p.manyToOne(RequestSchema),
    /** The request's version after this event. */
    version: p.integer(),
    event: p.string().length(64),
    fromState: p.string().length(64),
    toState: p.string().length(64),
    actor: () => p.manyToOne(UserSchema),
    actorAgency: () => p.manyToOne(AgencySchema),
    /** The event's payload: grounds, reasons, dates, references. Persons are referenced by id only. */
    payload: p.json<Record<string, unknown>>(),
    occurredAt: p.datetime(),
  },
  uniques: [{ properties: ['request', 'version'] }],
});

export type RequestHistory = InferEntity<typeof RequestHistorySchema>;
