import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { appendOnlyTrigger } from './append-only-triggers';

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
    /**
     * The inserting transaction's id (`pg_current_xact_id()`), set by the database. Checkpoints cover the entries
     * of transactions below a snapshot's xmin: those are all finished, so no entry committed late is ever skipped.
     */
    txid: p.bigint('string').defaultRaw('((pg_current_xact_id())::text)::bigint'),
  },
  uniques: [{ properties: ['stream', 'seq'] }],
  triggers: [appendOnlyTrigger()],
  indexes: [
    { properties: ['occurredAt'] },
    { properties: ['subjectType', 'subjectId'], name: 'audit_event_subject_index' },
    { properties: ['txid', 'id'], name: 'audit_event_txid_id_index' },
    { properties: ['actorUserId'] },
    { properties: ['actorAgencyId'] },
  ],
});

export type AuditEvent = InferEntity<typeof AuditEventSchema>;
