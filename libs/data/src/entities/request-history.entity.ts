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
    /**
     * The event's payload (grounds, reasons, dates, references; persons by id only), in memory only: stored sealed
     * under the request's data key in `sealedPayload`, written by the write path and opened by the vault.
     */
    payload: p.json<Record<string, unknown>>().persist(false),
    sealedPayload: p.blob().nullable(),
    /** A payload from before encryption, until the worker seals it at start. */
    clearPayload: p.json<Record<string, unknown>>().nullable(),
    occurredAt: p.datetime(),
  },
  uniques: [{ properties: ['request', 'version'] }],
});

export type RequestHistory = InferEntity<typeof RequestHistorySchema>;
