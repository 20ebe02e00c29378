import { raw } from '@liaison/data';

/** Every column of `audit_event e`, aliased to `AuditRow`. */
export const AUDIT_ROW_COLUMNS =
  raw(`e.id, e.stream, e.seq, e.occurred_at as "occurredAt", e.actor_user_id as "actorUserId",
  e.actor_agency_id as "actorAgencyId", e.action, e.subject_type as "subjectType", e.subject_id as "subjectId", e.data,
  e.client_request_id as "clientRequestId", e.prev_hash as "prevHash", e.hash, e.txid::text as txid`);
