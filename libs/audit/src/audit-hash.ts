import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash before a stream's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: everything but the hashes themselves. */
export interface HashedAuditFields {
  id: string;
  stream: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  clientRequestId: string | null;
}

/** `SHA-256(prev_hash ‖ RFC 8785 canonical JSON of the entry)`, hex. */
export function auditHash(prevHash: string, entry: HashedAuditFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalize(entry) ?? '')
    .digest('hex');
}
