import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One entry of the tamper-evident trail. Append-only; hash-chained per stream:
 * `hash = SHA-256(prev_hash ‖ RFC 8785 canonical JSON of the entry)`. References and hashes, never personal data.
 */
export const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: {
    id: p.uuid().primary(),
    /** `request:<id>`, `agency:<id>` or `system`. */
    stream: p.string().length(100),
    seq: p.integer(),
    occurredAt: p.datetime(),
    actorUserId: p.uuid().nullable(),
    actorAgencyId: p.uuid().nullable(),
    action: p.string().length(100),
    subjectType: p.string().length(50),
    subjectId: p.string().length(100),
    data: p.json<Record<string, unknown>>(),
    /** The X-Request-Id of the HTTP call that caused it. */
    clientRequestId: p.string().length(128).nullable(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
  uniques: [{ properties: ['stream', 'seq'] }],
  indexes: [{ properties: ['occurredAt'] }],
});

export type AuditEvent = InferEntity<typeof AuditEventSchema>;
