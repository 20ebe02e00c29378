import type { HashedAuditFields } from './audit-hash';

/** An audit_event row as the raw queries below select it: camelCase, times as Date. */
export interface AuditRow {
  id: string;
  stream: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  clientRequestId: string | null;
  prevHash: string;
  hash: string;
  txid: string;
}

/** Every column of `audit_event e`, aliased to {@link AuditRow}. */
export const AUDIT_ROW_COLUMNS = `e.id, e.stream, e.seq, e.occurred_at as "occurredAt", e.actor_user_id as "actorUserId",
  e.actor_agency_id as "actorAgencyId", e.action, e.subject_type as "subjectType", e.subject_id as "subjectId", e.data,
  e.client_request_id as "clientRequestId", e.prev_hash as "prevHash", e.hash, e.txid::text as txid`;

/** The fields an entry's hash covers, exactly as `AuditTrail.append` hashed them. */
export function hashedFields(row: AuditRow): HashedAuditFields {
  return {
    id: row.id,
    stream: row.stream,
    seq: row.seq,
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorUserId: row.actorUserId,
    actorAgencyId: row.actorAgencyId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    data: row.data,
    clientRequestId: row.clientRequestId,
  };
}
