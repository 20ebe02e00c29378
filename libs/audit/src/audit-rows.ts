import type { HashedAuditFields } from './audit-hash';

/** An audit_event row as `AUDIT_ROW_COLUMNS` (audit-rows.sql.ts) selects it: camelCase, times as Date. */
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
